// A real Herd server on a free port with one organization and its hub admin, and
// Debian's Chromium driven by playwright-core, for the browser tests in this folder.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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
/** A reason to skip browser tests, or false when Chromium is there. */
export const chromiumMissing = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

export const ADMIN_EMAIL = 'ada@e2e.test';

export interface BrowserHerd {
  database: HerdDatabase;
  app: HerdApp;
  browser: Browser;
  baseUrl: string;
  orgId: string;
  /** A new page, signed in as the hub admin. */
  signedInPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserHerd(): Promise<BrowserHerd> {
  await ensureWebAppBuilt(() => {});
  const database = await createTestDatabase('pglite');
  const org = await createOrganization(database.db, { slug: 'e2e', name: 'E2E Retail' });
  const config = testConfig();
  const admin = await createPerson(database.db, config, systemActor(org.id), { name: 'Ada Admin', email: ADMIN_EMAIL, password: TEST_PASSWORD });
  await addMembership(database.db, systemActor(org.id), { personId: admin.id, spokeId: null, role: 'hub_admin' });
  const app = await buildApp({ config, database, http: createGuardedHttp(), webRoot });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    database, app, browser, baseUrl, orgId: org.id,
    async signedInPage() {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Adds a 'file' source that collects every post, through the Sources page's dialog. */
export async function addFileSource(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/listening/sources`);
  await page.getByRole('button', { name: 'Add source' }).first().click();
  await page.getByLabel('Kind').selectOption('file');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Collect').selectOption('all');
  await page.getByRole('dialog').getByRole('button', { name: 'Add source' }).click();
  await page.getByLabel('Import a file').waitFor({ timeout: 10_000 });
}

/** Uploads CSV lines (the header first) into the file source whose import form is open. */
export async function importCsv(page: Page, lines: string[]): Promise<void> {
  await page.getByLabel('Import a file').setInputFiles({ name: 'reviews.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

/** A new browser context signed in as `email`, waiting on the signed-in shell. */
export async function signInAs(browser: Browser, baseUrl: string, email: string, options: { password: string; width?: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(options.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}
