// The screenshots of the role guides (docs/guides/*.md), taken from a real first run:
// `herd start` on a fresh data folder, started as `npm start` starts it, seeds the Acme
// Retail demo and starts its stream; once the stream has run for a minute and a bit,
// each demo role signs in and the pages its guide shows are saved at 1280x800 as
// docs/guides/images/<role>-<page>.jpg (JPEG keeps each under ~250 KB). The volunteer
// answers one conversation on the way, so the analyst's insights show a response time.
// Run it with `npm run docs:screenshots`; it needs Chromium, as the browser tests do.
// Not a *.test.ts file: the test suite does not run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumMissing, photographedOnFailure, signInToDemo, waitUntilEnabled } from './browser-herd.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const IMAGES = join(REPO, 'docs', 'guides', 'images');
const VIEWPORT = { width: 1280, height: 800 };
/** How long the demo stream runs before the first sign-in: its opening posts, and a little more. */
const STREAM_MS = 75_000;
const UI_MS = 20_000;
const DOMAIN = 'acme-retail.example';

interface FirstRun { url: string; process: ChildProcess }

/** `herd start` on an empty data folder, as `npm start` runs it; resolves once it says where it is running. */
async function startFirstRun(dataDir: string): Promise<FirstRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, HERD_DATA_DIR: dataDir, HERD_PORT: '0', HERD_HOST: '127.0.0.1', HERD_ROLES: 'api,worker', HERD_SEED_DEMO: 'true', HERD_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const herd = spawn(process.execPath, ['bin/herd.js', 'start'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let said = '';
    herd.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      said += chunk.toString();
      const running = /Herd is running at (http\S+)/.exec(said);
      if (running) resolve(running[1]!);
    });
    herd.once('exit', (code) => reject(new Error(`herd start stopped (exit code ${code}) before it was running`)));
  });
  return { url, process: herd };
}

async function stopFirstRun(herd: ChildProcess): Promise<void> {
  if (herd.exitCode !== null) return;
  const exited = new Promise((resolve) => herd.once('exit', resolve));
  herd.kill('SIGTERM');
  await exited;
}

/** Saves the window as docs/guides/images/<name>.jpg, scrolled so that `top` (if given) sits just under the window's top edge. */
async function photograph(page: Page, name: string, top?: Locator): Promise<void> {
  let y = 0;
  if (top) {
    const box = await top.boundingBox();
    if (!box) throw new Error(`${name}: ${top} is not on the page`);
    y = Math.max(0, Math.round(box.y + (await page.evaluate<number>('window.scrollY')) - 16));
  }
  // A string, as this file is compiled without the DOM's types.
  await page.evaluate(`window.scrollTo(0, ${y})`);
  // Away from links, so none is photographed in its hover colour.
  await page.mouse.move(VIEWPORT.width - 2, 2);
  await sleep(400);
  await page.screenshot({ path: join(IMAGES, `${name}.jpg`), type: 'jpeg', quality: 70 });
  console.log(`  docs/guides/images/${name}.jpg`);
}

/** A page of the app by its link in the main navigation, waiting for the page's heading. */
async function openFromNavigation(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: UI_MS });
}

async function hubAdmin(page: Page): Promise<void> {
  await openFromNavigation(page, 'Listening', 'Sources');
  await page.getByRole('row').filter({ hasText: 'Demo: live stream' }).waitFor({ timeout: UI_MS });
  await photograph(page, 'hub-admin-sources');

  await page.getByRole('main').getByRole('link', { name: 'Topics', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Delivery problems' }).waitFor({ timeout: UI_MS });
  await photograph(page, 'hub-admin-topics');

  await openFromNavigation(page, 'Routing', 'Routing rules');
  await page.locator('.rule-card').first().waitFor({ timeout: UI_MS });
  const preview = page.getByRole('region', { name: 'Preview', exact: true });
  const mention = preview.getByLabel('Mention', { exact: true });
  await mention.locator('option').nth(1).waitFor({ state: 'attached', timeout: UI_MS });
  await mention.selectOption({ index: 1 });
  await preview.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Preview result' }).waitFor({ timeout: UI_MS });
  await photograph(page, 'hub-admin-routing-preview', preview);

  await openFromNavigation(page, 'Policy', 'Social-media policy');
  await photograph(page, 'hub-admin-policy');
}

/** The volunteer's Spanish question from the demo stream's opening posts, or their first conversation. */
async function openConversation(page: Page): Promise<void> {
  const rows = page.locator('main a[href^="/inbox/"]');
  await rows.first().waitFor({ timeout: UI_MS });
  const spanish = rows.filter({ hasText: 'estudiantes' });
  await ((await spanish.count()) > 0 ? spanish.first() : rows.first()).click();
  await page.getByRole('heading', { name: 'History' }).waitFor({ timeout: UI_MS });
}

async function volunteer(page: Page): Promise<void> {
  await openFromNavigation(page, 'Inbox', 'Inbox');
  await openConversation(page);
  await photograph(page, 'volunteer-inbox');
  await photograph(page, 'volunteer-why-me', page.getByRole('heading', { name: 'History' }));

  const composer = page.getByRole('form', { name: 'Write a reply' });
  const reply = composer.getByRole('textbox', { name: 'Your reply' });
  await reply.fill('¡Hola! Sí: con el carné de estudiante tienes un 10 % de descuento en todas nuestras tiendas. Lo explican aquí: https://descuentos-estudiantes.example.org');
  await composer.getByTestId('reply-risk').filter({ hasText: 'Needs approval' }).waitFor({ timeout: UI_MS });
  await photograph(page, 'volunteer-policy-check', composer);

  // Fixed: a link to the company's own site, so the reply is low-risk and goes at once.
  await reply.fill('¡Hola! Sí: con el carné de estudiante tienes un 10 % de descuento en todas nuestras tiendas. Lo explicamos aquí: https://acme.example/estudiantes');
  await composer.getByTestId('reply-risk').filter({ hasText: 'Low risk' }).waitFor({ timeout: UI_MS });
  const send = composer.getByRole('button', { name: 'Send reply' });
  await waitUntilEnabled(send, UI_MS);
  await send.click();
  // The demo stream is a file source: Herd cannot post there, so the volunteer posts it and says so.
  const card = page.getByRole('article', { name: 'Reply by Volunteer Demo' }).first();
  await card.getByRole('button', { name: 'I posted it' }).click({ timeout: UI_MS });
  await card.getByTestId('reply-status').filter({ hasText: 'Published' }).waitFor({ timeout: UI_MS });

  await openFromNavigation(page, 'Advocacy', 'Stories for you');
  await page.getByRole('button', { name: 'Share' }).or(page.getByRole('link', { name: 'Share' })).first().waitFor({ timeout: UI_MS });
  await photograph(page, 'volunteer-advocacy');
}

async function spokeLead(page: Page): Promise<void> {
  await openFromNavigation(page, 'Inbox', 'Inbox');
  await page.getByRole('button', { name: 'My spoke' }).click();
  await openConversation(page);
  await photograph(page, 'spoke-lead-inbox', page.getByText('Select all shown'));

  await openFromNavigation(page, 'Spokes', 'Spokes');
  await page.getByRole('link', { name: 'Customer Service', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Emma Clarke' }).waitFor({ timeout: UI_MS });
  await photograph(page, 'spoke-lead-spoke', page.getByRole('heading', { name: 'Members' }));

  await openFromNavigation(page, 'Insights', 'Insights');
  await page.getByText('Conversations opened').first().waitFor({ timeout: UI_MS });
  await photograph(page, 'spoke-lead-insights', page.getByRole('heading', { name: 'Insights' }));
}

async function prLead(page: Page): Promise<void> {
  await openFromNavigation(page, 'Approvals', 'Approvals');
  await page.locator('.approval-card').first().waitFor({ timeout: UI_MS });
  await photograph(page, 'pr-lead-approvals');

  await openFromNavigation(page, 'Crisis', /Crisis radar/);
  await page.getByRole('main').getByRole('link', { name: 'Alerts', exact: true }).click();
  await page.getByRole('heading', { name: 'Crisis alerts' }).waitFor({ timeout: UI_MS });
  const alert = page.locator('.alert-card').first();
  await alert.waitFor({ timeout: UI_MS });
  await photograph(page, 'pr-lead-crisis-alerts');

  // Monitoring: a room without effects, so the rest of the demo carries on as it was.
  await alert.getByRole('button', { name: 'Open crisis room' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Start as').selectOption('monitoring');
  await dialog.getByRole('button', { name: 'Open crisis room' }).click();
  await page.getByRole('form', { name: 'Crisis controls' }).waitFor({ timeout: UI_MS });
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await photograph(page, 'pr-lead-crisis-room');

  await openFromNavigation(page, 'Reply library', 'Reply library');
  await page.locator('.library-entry').first().waitFor({ timeout: UI_MS });
  await photograph(page, 'pr-lead-library');
}

async function analyst(page: Page): Promise<void> {
  await openFromNavigation(page, 'Insights', 'Insights');
  await page.getByText('Conversations opened').first().waitFor({ timeout: UI_MS });
  await photograph(page, 'analyst-responses');
  await page.getByRole('heading', { name: 'Who answered' }).waitFor({ timeout: UI_MS });
  await photograph(page, 'analyst-backlog-and-who-answered', page.getByRole('heading', { name: 'Backlog and its age' }));

  await page.getByRole('main').getByRole('link', { name: 'Mentions', exact: true }).click();
  await page.getByRole('heading', { name: 'Mention volume and sentiment' }).waitFor({ timeout: UI_MS });
  await sleep(1_000);
  await photograph(page, 'analyst-mentions', page.getByRole('heading', { name: 'Mention volume and sentiment' }));

  await page.getByRole('heading', { name: 'Share of voice' }).waitFor({ timeout: UI_MS });
  await page.getByRole('region', { name: 'Share of voice' }).getByRole('button', { name: 'Show as table' }).click();
  await sleep(1_000);
  await photograph(page, 'analyst-share-of-voice-table', page.getByRole('heading', { name: 'Share of voice' }));
}

/** Each guide's pages, in an order where what one role does shows on the next one's pages. */
const guides: { email: string; photograph: (page: Page) => Promise<void> }[] = [
  { email: `admin@${DOMAIN}`, photograph: hubAdmin },
  { email: `volunteer@${DOMAIN}`, photograph: volunteer },
  { email: `cs.lead@${DOMAIN}`, photograph: spokeLead },
  { email: `pr@${DOMAIN}`, photograph: prLead },
  { email: `analyst@${DOMAIN}`, photograph: analyst },
];

async function photographGuides(browser: Browser, url: string): Promise<void> {
  const openPages = new Set<Page>();
  for (const guide of guides) {
    console.log(`Signed in as ${guide.email}:`);
    const page = await signInToDemo(browser, url, guide.email, openPages);
    await page.setViewportSize(VIEWPORT);
    await photographedOnFailure(openPages, `docs-screenshots-${guide.email.split('@')[0]}`, () => guide.photograph(page));
    await page.context().close();
  }
}

async function main(): Promise<void> {
  if (chromiumMissing) throw new Error(`Cannot take the screenshots: ${chromiumMissing}`);
  mkdirSync(IMAGES, { recursive: true });
  mkdirSync(join(REPO, 'test-results'), { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'herd-docs-'));
  let herd: FirstRun | undefined;
  let browser: Browser | undefined;
  try {
    herd = await startFirstRun(dataDir);
    console.log(`Letting the demo stream run for ${STREAM_MS / 1000} s…`);
    await sleep(STREAM_MS);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    await photographGuides(browser, herd.url);
  } finally {
    await browser?.close();
    if (herd) await stopFirstRun(herd.process);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
