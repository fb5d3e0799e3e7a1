// A real Herd server on a free port with one organization and its hub admin, and
// Debian's Chromium driven by playwright-core, for the browser tests in this folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createTestDatabase } from '../../src/db/test-database.ts';
import { buildApp } from '../../src/server/app.ts';
import { ensureWebAppBuilt } from '../../src/server/build-web-app.ts';
import { addMembership, createOrganization, createPerson, systemActor } from '../../src/modules/people/index.ts';
import { testConfig, TEST_PASSWORD } from '../../src/server/test-app.ts';
import { webRoot } from '../../src/main.ts';
import { createGuardedHttp } from '../../src/connectors/index.ts';
import { DEMO_PASSWORD, seedAcmeRetail } from '../../src/demo/index.ts';
import type { HerdApp } from '../../src/server/herd-module.ts';
import type { HerdDatabase } from '../../src/db/index.ts';
import type { Config } from '../../src/config/index.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A reason to skip browser tests, or false when Chromium is there. */
export const chromiumMissing = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

export const ADMIN_EMAIL = 'ada@e2e.test';

export interface BrowserHerd {
  database: HerdDatabase;
  app: HerdApp;
  /** The server's settings, e.g. for running its jobs in the test (the test server runs no workers). */
  config: Config;
  browser: Browser;
  baseUrl: string;
  orgId: string;
  /** A new page, signed in as the hub admin. */
  signedInPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserHerdOptions {
  /** Hosts the server may fetch although they are not public, e.g. ['127.0.0.1'] for a local page server. */
  allowHosts?: string[];
  /** Settings of the server, e.g. `secretKey` so people can connect accounts without a key file in the data directory. */
  config?: Partial<Config>;
}

export async function startBrowserHerd(options: BrowserHerdOptions = {}): Promise<BrowserHerd> {
  await ensureWebAppBuilt(() => {});
  const database = await createTestDatabase('pglite');
  const org = await createOrganization(database.db, { slug: 'e2e', name: 'E2E Retail' });
  const config = testConfig(options.config);
  const admin = await createPerson(database.db, config, systemActor(org.id), { name: 'Ada Admin', email: ADMIN_EMAIL, password: TEST_PASSWORD });
  await addMembership(database.db, systemActor(org.id), { personId: admin.id, spokeId: null, role: 'hub_admin' });
  const app = await buildApp({ config, database, http: createGuardedHttp({ allowHosts: options.allowHosts }), webRoot });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    database, app, config, browser, baseUrl, orgId: org.id,
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

/**
 * Signs in as `email` on a page that reaches nothing but this machine, whose window.open is recorded in
 * `window.__opened` instead of opening a network's site (sharing opens LinkedIn's compose page).
 */
export async function signInOffline(browser: Browser, baseUrl: string, email: string, options: { password: string; width?: number }): Promise<Page> {
  const page = await signInAs(browser, baseUrl, email, options);
  const context = page.context();
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort('blockedbyclient'));
  // A string, as this file is compiled without the DOM's types.
  await context.addInitScript('window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return null; };');
  return page;
}

/** Runs a test's steps; when one fails, every page still open is saved to test-results/ as `${name}-N.png`, to see why. */
export async function photographedOnFailure(openPages: Iterable<Page>, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    let index = 0;
    for (const page of openPages) await page.screenshot({ path: `test-results/${name}-${++index}.png`, fullPage: true }).catch(() => {});
    throw error;
  }
}

/** Waits for a button to become enabled (a composer enables it once the check of the text is back). */
export async function waitUntilEnabled(button: Locator, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await button.waitFor({ timeout: timeoutMs });
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) {
      const around = await button.locator('xpath=ancestor::form[1]').innerText().catch(() => '');
      throw new Error(`${button} stayed disabled for ${timeoutMs} ms; the form says:\n${around}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Nothing on the page is wider than the window (no sideways scrolling at 360 px). */
export async function assertFitsWidth(page: Page, what: string): Promise<void> {
  // A string, as this file is compiled without the DOM's types.
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })');
  assert.ok(scrollWidth <= innerWidth, `${what} fits ${innerWidth} px (it is ${scrollWidth} px wide)`);
}

/** A browser Herd with the Acme Retail demo seeded (its people sign in with DEMO_PASSWORD); test-results/ is there for screenshots. */
export async function startDemoBrowserHerd(options: BrowserHerdOptions = {}): Promise<BrowserHerd> {
  mkdirSync('test-results', { recursive: true });
  const herd = await startBrowserHerd(options);
  await seedAcmeRetail(herd.database.db, { passwordCost: 10 });
  return herd;
}

/** Signs in to the demo as `email`, in a context that reaches nothing but this machine; the page is in `openPages` while open, to be photographed when a step fails. */
export async function signInToDemo(browser: Browser, baseUrl: string, email: string, openPages: Set<Page>, width = 1280): Promise<Page> {
  const page = await signInAs(browser, baseUrl, email, { password: DEMO_PASSWORD, width });
  await page.context().route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort('blockedbyclient'));
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}
