// A browser walks the first thing every admin does: sign in, open Spokes, create a
// spoke, and see it listed; and says "away" in the header and comes back.
import { after, before, it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_EMAIL, chromiumMissing, startBrowserHerd, type BrowserHerd } from './browser-herd.ts';

describe('in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  before(async () => { herd = await startBrowserHerd(); });
  after(async () => { await herd?.close(); });

  it('signs in, creates a spoke and sees it listed', async () => {
    const page = await herd.signedInPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spokes' }).click();
    await page.getByRole('button', { name: 'New spoke' }).click();
    await page.getByLabel('Name').fill('Leeds Briggate');
    await page.getByLabel('Kind').selectOption('store');
    await page.getByRole('button', { name: 'Create spoke' }).click();
    await page.getByRole('link', { name: 'Leeds Briggate' }).waitFor({ timeout: 10_000 });
    const listed = await herd.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(listed.statusCode, 404, 'sanity: unknown API paths stay JSON 404s behind the web app');
    const spokes = await herd.database.db.execute(`select name, kind from spokes`) as unknown as { rows: { name: string; kind: string }[] };
    assert.deepEqual(spokes.rows, [{ name: 'Leeds Briggate', kind: 'store' }]);
  });

  it('says "away" from the header, keeps it across a reload, and comes back', async () => {
    const page = await herd.signedInPage();
    const statusOf = async () => (await herd.database.db.execute(`select status from people where email = '${ADMIN_EMAIL}'`) as unknown as { rows: { status: string }[] }).rows[0]!.status;
    await page.getByRole('button', { name: 'Available' }).click();
    await page.getByText('You are away: nothing new is assigned to you').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Away', pressed: true }).waitFor({ timeout: 10_000 });
    assert.equal(await statusOf(), 'away');
    await page.reload();
    await page.getByRole('button', { name: 'Away', pressed: true }).click({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Available', pressed: false }).waitFor({ timeout: 10_000 });
    assert.equal(await statusOf(), 'active');
  });
});
