// A browser walks the first thing every admin does: sign in, open Spokes, create a
// spoke, and see it listed. Runs against a real server on a free port, in Debian's
// Chromium driven by playwright-core.
import { after, before, it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase } from '../../src/db/test-database.ts';
import { buildApp } from '../../src/server/app.ts';
import { ensureWebAppBuilt } from '../../src/server/build-web-app.ts';
import { addMembership, createOrganization, createPerson, systemActor } from '../../src/modules/people/index.ts';
import { testConfig, TEST_PASSWORD } from '../../src/server/test-app.ts';
import { webRoot } from '../../src/main.ts';
import { createGuardedHttp } from '../../src/connectors/index.ts';
import type { HerdApp } from '../../src/server/herd-module.ts';
import type { HerdDatabase } from '../../src/db/index.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumMissing = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

describe('in the browser', { skip: chromiumMissing }, () => {
  let database: HerdDatabase;
  let app: HerdApp;
  let browser: Browser;
  let baseUrl: string;

  before(async () => {
    await ensureWebAppBuilt(() => {});
    database = await createTestDatabase('pglite');
    const org = await createOrganization(database.db, { slug: 'e2e', name: 'E2E Retail' });
    const config = testConfig();
    const admin = await createPerson(database.db, config, systemActor(org.id), { name: 'Ada Admin', email: 'ada@e2e.test', password: TEST_PASSWORD });
    await addMembership(database.db, systemActor(org.id), { personId: admin.id, spokeId: null, role: 'hub_admin' });
    app = await buildApp({ config, database, http: createGuardedHttp(), webRoot });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('signs in, creates a spoke and sees it listed', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill('ada@e2e.test');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spokes' }).click();
    await page.getByRole('button', { name: 'New spoke' }).click();
    await page.getByLabel('Name').fill('Leeds Briggate');
    await page.getByLabel('Kind').selectOption('store');
    await page.getByRole('button', { name: 'Create spoke' }).click();
    await page.getByRole('link', { name: 'Leeds Briggate' }).waitFor({ timeout: 10_000 });
    const listed = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(listed.statusCode, 404, 'sanity: unknown API paths stay JSON 404s behind the web app');
    const spokes = await database.db.execute(`select name, kind from spokes`) as unknown as { rows: { name: string; kind: string }[] };
    assert.deepEqual(spokes.rows, [{ name: 'Leeds Briggate', kind: 'store' }]);
  });
});
