// A browser walks triage: a hub admin defines a category with a keyword on the
// Categories page, imports a post that says it, sees the mention's triage chips in the
// stream (category with its reason, sentiment), corrects the category by hand, and adds
// examples to a category. The test server runs no workers, so the test triages the
// imported mentions itself and learns the examples, as the worker would seconds later.
import { after, before, it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { enrichMentions, learnCategories } from '../../src/modules/triage/index.ts';
import { addFileSource, chromiumMissing, importCsv, startBrowserHerd, type BrowserHerd } from './browser-herd.ts';

describe('triage in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  before(async () => { herd = await startBrowserHerd(); });
  after(async () => { await herd?.close(); });

  it('sorts an imported mention by keyword, takes a correction, and lists new examples', async () => {
    const page = await herd.signedInPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage' }).click();
    await page.getByRole('heading', { name: 'Categories' }).waitFor();
    await page.getByText('No categories yet.').waitFor({ timeout: 10_000 });
    await page.getByText('No model yet.').waitFor({ timeout: 10_000 });

    for (const [name, keywords] of [['Delivery', 'parcel'], ['Billing', 'invoice, refund']] as const) {
      await page.getByRole('button', { name: 'New category' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Keywords').fill(keywords);
      await dialog.getByRole('button', { name: 'Create category' }).click();
      await page.getByRole('button', { name, exact: true }).waitFor({ timeout: 10_000 });
    }
    const categories = page.getByRole('table', { name: 'Categories' });
    assert.match(await categories.innerText(), /Delivery\s+parcel\s+0/);
    assert.match(await categories.innerText(), /Billing\s+invoice\s+refund\s+0/);

    await addFileSource(page, herd.baseUrl, 'Review export');
    await importCsv(page, ['id,text', 'r1,My parcel never arrived and nobody answers. Terrible service!']);
    await page.locator('.source-import__summary').waitFor({ timeout: 15_000 });

    const stored = await herd.database.db.execute(sql`select id from mentions`) as unknown as { rows: { id: string }[] };
    assert.equal(stored.rows.length, 1);
    await enrichMentions(herd.database.db, herd.orgId, stored.rows.map((row) => row.id));

    await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Mentions' }).click();
    const mention = page.getByRole('article').filter({ hasText: 'My parcel never arrived' });
    const category = mention.locator('[data-chip="category"]');
    await category.waitFor({ timeout: 10_000 });
    assert.match(await category.innerText(), /Delivery\s+100 %\s+·\s+by rule\s+·\s+parcel/);
    assert.match(await mention.locator('[data-chip="sentiment"]').innerText(), /Negative −\d\.\d\d/);

    await mention.getByLabel('Change category').selectOption({ label: 'Billing' });
    await mention.locator('[data-chip="category"]', { hasText: 'by person' }).waitFor({ timeout: 10_000 });
    assert.match(await category.innerText(), /Billing\s+100 %\s+·\s+by person/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage' }).click();
    await page.getByRole('button', { name: 'Delivery', exact: true }).click();
    await page.getByRole('heading', { name: 'Examples of Delivery' }).waitFor();
    await page.getByText('No examples yet.').waitFor({ timeout: 10_000 });
    await page.getByLabel('New examples').fill('Where is my parcel?\nThe courier left it in the rain');
    await page.getByRole('button', { name: 'Add 2 examples' }).click();
    const examples = page.getByRole('table', { name: 'Examples of Delivery' });
    await examples.getByText('The courier left it in the rain').waitFor({ timeout: 10_000 });
    assert.match(await examples.innerText(), /Where is my parcel\?\s+Typed in\s+Waiting to be learned/);
    assert.match(await categories.innerText(), /Delivery\s+parcel\s+2/);

    // The correction is an example of Billing, learned from the mention.
    await page.getByRole('button', { name: 'Billing', exact: true }).click();
    const billing = page.getByRole('table', { name: 'Examples of Billing' });
    await billing.getByText('My parcel never arrived').waitFor({ timeout: 10_000 });
    assert.match(await billing.innerText(), /Corrected/);

    // Once the model has learned them, the list (which asks again while any wait) says so.
    await learnCategories(herd.database.db, herd.orgId);
    await billing.getByText('Learned', { exact: true }).waitFor({ timeout: 10_000 });
    const model = page.getByRole('region', { name: 'Model' });
    await model.getByText('Version').waitFor({ timeout: 15_000 });
  });
});
