// A browser walks story feeds and recognition on the Acme Retail demo, with a local
// feed server: the PR lead adds the company newsroom's feed with auto-approve (a
// second one at the same address, and one that is not http(s), are refused with the
// reason), polls it now and sees what it found; a broken feed shows its error as a
// warning. The story is in a volunteer's feed; she shares it and finds her points,
// the "First share" badge and herself on the leaderboard; the analyst sees her spoke
// take part. The hub switches leaderboards off: the leaderboard says so. Nothing
// leaves this machine (the networks' compose pages are never opened).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedAcmeRetail } from '../../src/demo/index.ts';
import { startFeedTestServer, type FeedTestServer } from '../../src/connectors/rss/feed-test-server.ts';
import { assertFitsWidth, chromiumMissing, photographedOnFailure as photographedOnFailureOf, signInOffline, startBrowserHerd, waitUntilEnabled, type BrowserHerd } from './browser-herd.ts';

const ADMIN = 'admin@acme-retail.example';
const PR_LEAD = 'pr@acme-retail.example';
const ANALYST = 'analyst@acme-retail.example';
const VOLUNTEER = 'emma.clarke@acme-retail.example';
const STORY = 'Our stores now take back worn-out shoes';
const SCREENSHOTS = 'test-results';
const HOUR = 3_600_000;

/** The newsroom's feed: one post from an hour ago, and one from last month (the first poll leaves it out). */
const newsroomRss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Acme Newsroom</title><link>https://news.acme-retail.example/</link>
<item><guid isPermaLink="false">shoe-take-back</guid><title>${STORY}</title><link>https://news.acme-retail.example/shoe-take-back</link>
  <pubDate>${new Date(Date.now() - HOUR).toUTCString()}</pubDate><description>Bring any pair to any store: we recycle them.</description></item>
<item><guid isPermaLink="false">spring-sale</guid><title>The spring sale</title><link>https://news.acme-retail.example/spring-sale</link>
  <pubDate>${new Date(Date.now() - 30 * 24 * HOUR).toUTCString()}</pubDate><description>Old news.</description></item>
</channel></rss>`;

const openPages = new Set<Page>();

async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const page = await signInOffline(browser, baseUrl, email, { password: DEMO_PASSWORD });
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

const photographedOnFailure = (name: string, steps: () => Promise<void>) => photographedOnFailureOf(openPages, `advocacy-recognition-failed-${name}`, steps);
const advocacyNav = (page: Page) => page.getByRole('navigation', { name: 'Advocacy' });

async function openTab(page: Page, baseUrl: string, tab: string, heading = tab): Promise<void> {
  await page.goto(`${baseUrl}/advocacy`);
  await advocacyNav(page).getByRole('link', { name: tab, exact: true }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/** The hub admin changes the advocacy settings in the browser. */
async function changeSettings(browser: Browser, baseUrl: string, change: (page: Page) => Promise<void>): Promise<void> {
  const admin = await signIn(browser, baseUrl, ADMIN);
  await openTab(admin, baseUrl, 'Settings', 'Advocacy settings');
  await change(admin);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await admin.getByText('Advocacy settings saved.').waitFor({ timeout: 10_000 });
  await admin.context().close();
}

describe('story feeds and recognition in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let feeds: FeedTestServer;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    feeds = await startFeedTestServer();
    feeds.setDocument('/newsroom.xml', newsroomRss(), 'application/rss+xml; charset=utf-8');
    herd = await startBrowserHerd({ allowHosts: ['127.0.0.1'] });
    await seedAcmeRetail(herd.database.db, { passwordCost: 10 });
  });
  after(async () => {
    await herd?.close();
    await feeds?.close();
  });

  it('adds a feed that publishes at once, polls it now, and its story reaches the volunteer\'s feed', () => photographedOnFailure('feeds', async () => {
    const lead = await signIn(herd.browser, herd.baseUrl, PR_LEAD);
    await openTab(lead, herd.baseUrl, 'Story feeds');
    await lead.getByText('No story feeds yet.').waitFor({ timeout: 10_000 });
    await lead.getByRole('button', { name: 'Add a feed' }).first().click();
    const dialog = lead.getByRole('dialog', { name: 'Add a story feed' });
    await dialog.getByLabel('Feed address').fill(feeds.url('/newsroom.xml'));
    await dialog.getByLabel('Title (optional)').fill('Acme Newsroom');
    await dialog.getByLabel('Publish new items at once (auto-approve)').check();
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    const row = lead.getByRole('row').filter({ hasText: 'Acme Newsroom' });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await row.getByTestId('story-feed-auto-approve').innerText(), 'Auto-approved');
    assert.equal(await row.getByTestId('story-feed-status').innerText(), 'On');
    assert.match(await row.innerText(), /The hub/);

    // The same address again, and an address that is not http(s): refused, saying why.
    await lead.getByRole('button', { name: 'Add a feed' }).first().click();
    await dialog.getByLabel('Feed address').fill(feeds.url('/newsroom.xml'));
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    const problem = dialog.getByTestId('story-feed-url-problem');
    await problem.waitFor({ timeout: 10_000 });
    assert.match(await problem.innerText(), /already a story feed at this address/);
    await dialog.getByLabel('Feed address').fill('ftp://127.0.0.1/newsroom.xml');
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    await problem.filter({ hasText: 'starting with http:// or https://' }).waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await row.getByRole('button', { name: 'Poll now' }).click();
    const outcome = row.getByTestId('story-feed-poll-result');
    await outcome.waitFor({ timeout: 10_000 });
    assert.match(await outcome.innerText(), /1 new story, 0 items already known, 1 item left out\./);
    assert.match(await outcome.innerText(), /live in colleagues’ feeds/);
    assert.doesNotMatch(await row.innerText(), /Not yet/, 'the last poll is shown');
    await lead.screenshot({ path: `${SCREENSHOTS}/advocacy-story-feeds.png`, fullPage: true });
    // Read again at once: the server answers 304.
    await row.getByRole('button', { name: 'Poll now' }).click();
    await outcome.filter({ hasText: 'Not modified since the last read' }).waitFor({ timeout: 10_000 });

    // A feed that fails: the error as a warning on the feed, and the failures counted.
    await lead.getByRole('button', { name: 'Add a feed' }).first().click();
    await dialog.getByLabel('Feed address').fill(feeds.url('/fail/server-error'));
    await dialog.getByLabel('Title (optional)').fill('Broken blog');
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    const broken = lead.getByRole('row').filter({ hasText: 'Broken blog' });
    await broken.getByRole('button', { name: 'Poll now' }).click();
    await broken.getByTestId('story-feed-poll-result').filter({ hasText: 'Could not read it' }).waitFor({ timeout: 10_000 });
    assert.equal(await broken.getByTestId('story-feed-failures').innerText(), '1');
    assert.match(await broken.getByTestId('story-feed-error').innerText(), /Last read failed/);
    // Switched off, it is not polled; removed after asking; the newsroom stays.
    await broken.getByRole('button', { name: 'Switch off' }).click();
    await broken.getByTestId('story-feed-status').filter({ hasText: 'Off' }).waitFor({ timeout: 10_000 });
    assert.match(await broken.innerText(), /Next poll\s+Switched off/);
    assert.equal(await broken.getByRole('button', { name: 'Poll now' }).count(), 0);
    await broken.getByRole('button', { name: 'Remove' }).click();
    await lead.getByRole('dialog', { name: 'Remove “Broken blog”?' }).getByRole('button', { name: 'Remove feed' }).click();
    await broken.waitFor({ state: 'detached', timeout: 10_000 });
    await row.waitFor();

    // Changed: its next items wait for review.
    await row.getByRole('button', { name: 'Change' }).click();
    const change = lead.getByRole('dialog', { name: 'Change “Acme Newsroom”' });
    await change.getByLabel('Publish new items at once (auto-approve)').uncheck();
    await change.getByRole('button', { name: 'Save feed' }).click();
    await row.getByTestId('story-feed-auto-approve').filter({ hasText: 'Reviewed first' }).waitFor({ timeout: 10_000 });
    await lead.context().close();

    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await volunteer.goto(`${herd.baseUrl}/advocacy`);
    await volunteer.getByRole('article', { name: STORY }).waitFor({ timeout: 10_000 });
    assert.equal(await volunteer.getByRole('article', { name: 'The spring sale' }).count(), 0, 'the month-old post was left out');
    for (const tab of ['Story feeds', 'Participation']) {
      assert.equal(await advocacyNav(volunteer).getByRole('link', { name: tab }).count(), 0, `a volunteer has no ${tab} tab`);
    }
    await volunteer.context().close();
  }));

  it('gives the volunteer points and the first-share badge for a share, and ranks her on the leaderboard', () => photographedOnFailure('points', async () => {
    // Shares go out within the sharing hours; open them all day so the test passes at any hour.
    await changeSettings(herd.browser, herd.baseUrl, async (admin) => {
      await admin.getByLabel('Sharing from').fill('00:00');
      await admin.getByLabel('Sharing until').fill('00:00');
    });

    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await openTab(volunteer, herd.baseUrl, 'My points');
    assert.equal(await volunteer.getByTestId('my-points-total').innerText(), '0');
    assert.equal(await volunteer.getByTestId('badge-earned').count(), 0);

    await volunteer.goto(`${herd.baseUrl}/advocacy`);
    await volunteer.getByRole('link', { name: `Share “${STORY}”` }).click();
    const composer = volunteer.getByRole('form', { name: 'Share this story' });
    await composer.getByRole('textbox', { name: 'Your words' }).fill('I dropped off two pairs of old trainers at the Leeds store this morning. Great to see them recycled!');
    const share = composer.getByRole('button', { name: 'Share on LinkedIn' });
    await waitUntilEnabled(share);
    await share.click();
    await volunteer.getByTestId('share-done').waitFor({ timeout: 10_000 });

    await advocacyNav(volunteer).getByRole('link', { name: 'My points' }).click();
    await volunteer.getByTestId('my-points-total').filter({ hasText: '10' }).waitFor({ timeout: 10_000 });
    const byAction = volunteer.getByRole('list', { name: 'Points by action' });
    assert.match(await byAction.innerText(), /Sharing a story\s+10 points/);
    const earned = volunteer.getByTestId('badge-earned');
    assert.equal(await earned.count(), 1);
    assert.match(await earned.innerText(), /First share[\s\S]*Earned /);
    assert.match(await volunteer.getByTestId('badge-to-earn').filter({ hasText: 'Regular voice' }).innerText(), /Shared 10 stories/);
    assert.equal(await volunteer.getByTestId('my-rank-week').locator('dd').innerText(), '#1');
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-my-points.png`, fullPage: true });
    await volunteer.setViewportSize({ width: 360, height: 800 });
    await assertFitsWidth(volunteer, 'my points');
    await volunteer.setViewportSize({ width: 1280, height: 900 });

    await advocacyNav(volunteer).getByRole('link', { name: 'Leaderboard' }).click();
    const me = volunteer.getByTestId('leaderboard-me');
    await me.waitFor({ timeout: 10_000 });
    const myRow = volunteer.getByRole('row').filter({ has: me });
    assert.match(await myRow.innerText(), /^1\s+Emma Clarke\s+You\s+Customer Service\s+10\s+1$/);
    assert.match(await volunteer.getByTestId('leaderboard-my-rank').innerText(), /You are #1 of 1 person with points this month/);
    await volunteer.getByLabel('Period').selectOption('all');
    await volunteer.getByTestId('leaderboard-my-rank').filter({ hasText: 'so far' }).waitFor({ timeout: 10_000 });
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-leaderboard.png`, fullPage: true });
    await volunteer.context().close();

    // The analyst sees Customer Service take part: one sharer, one share.
    const analyst = await signIn(herd.browser, herd.baseUrl, ANALYST);
    await openTab(analyst, herd.baseUrl, 'Participation');
    const care = analyst.getByRole('row').filter({ hasText: 'Customer Service' });
    await care.waitFor({ timeout: 10_000 });
    const cells = await care.getByRole('cell').allInnerTexts();
    assert.equal(cells[2], '1', 'one sharer');
    assert.equal(cells[6], '1', 'one share');
    assert.match(await analyst.getByRole('list', { name: 'Participation rate by spoke' }).innerText(), /Customer Service\s+\d+ %/);
    await analyst.screenshot({ path: `${SCREENSHOTS}/advocacy-participation.png`, fullPage: true });
    await analyst.context().close();
  }));

  it('shows that leaderboards are switched off once the hub switches them off', () => photographedOnFailure('off', async () => {
    await changeSettings(herd.browser, herd.baseUrl, (admin) => admin.getByLabel('Show leaderboards').uncheck());

    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await openTab(volunteer, herd.baseUrl, 'Leaderboard');
    const off = volunteer.getByTestId('leaderboards-off');
    await off.waitFor({ timeout: 10_000 });
    assert.match(await off.innerText(), /Leaderboards are switched off by the hub/);
    assert.equal(await volunteer.getByRole('table').count(), 0, 'nobody is ranked');
    await off.getByRole('link', { name: 'See my points and badges' }).click();
    await volunteer.getByText('Leaderboards are switched off by the hub, so nobody is ranked').waitFor({ timeout: 10_000 });
    assert.equal(await volunteer.getByTestId('my-points-total').innerText(), '10', 'her points are still hers');
    assert.equal(await volunteer.getByTestId('my-rank-week').count(), 0);
    await volunteer.context().close();
  }));
});
