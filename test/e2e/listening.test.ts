// A browser walks the listening section: a topic whose query is checked while typing,
// a file source filled by an upload with a progress bar and a per-row report, and the
// imported mentions in the stream, filtered by the topic.
import { after, before, it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { addFileSource, chromiumMissing, importCsv, startBrowserHerd, type BrowserHerd } from './browser-herd.ts';

describe('listening in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  before(async () => { herd = await startBrowserHerd(); });
  after(async () => { await herd?.close(); });

  it('checks a query while typing, imports a file with a report, and shows the matching mentions', async () => {
    const page = await herd.signedInPage();
    await page.goto(`${herd.baseUrl}/listening/topics`);
    await page.getByRole('button', { name: 'New topic' }).first().click();
    await page.getByLabel('Name').fill('Late deliveries');
    await page.getByRole('textbox', { name: 'Query', exact: true }).fill('(late OR delayed');
    await page.getByText(/expected/i).first().waitFor({ timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Query', exact: true }).fill('(late OR delayed) AND deliver*');
    await page.getByRole('button', { name: 'Create topic' }).click();
    await page.getByRole('link', { name: 'Late deliveries' }).waitFor({ timeout: 10_000 });

    await addFileSource(page, herd.baseUrl, 'Review export');
    await importCsv(page, ['id,text', 'r1,My delivery was late again', 'r2,Lovely staff in Leeds', 'r3,', 'r4,Delayed delivery and no reply']);
    const report = page.getByRole('table', { name: 'Rows that were not imported' });
    await report.waitFor({ timeout: 15_000 });
    assert.match(await report.innerText(), /4\s+text is required/);
    assert.match(await page.locator('.source-import__summary .totals').innerText(), /Stored\s+3[\s\S]*Duplicates\s+0[\s\S]*Invalid\s+1/);

    await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Topics' }).click();
    await page.getByRole('link', { name: 'Late deliveries' }).click();
    await page.getByText('My delivery was late again').waitFor({ timeout: 10_000 });
    assert.equal(await page.getByText('Delayed delivery and no reply').count(), 1);
    assert.equal(await page.getByText('Lovely staff in Leeds').count(), 0, 'the topic filter hides mentions it does not match');
  });
});
