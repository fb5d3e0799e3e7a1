// A browser reads the impact of employee advocacy on the Acme Retail demo, with the
// story page served locally: a volunteer shares a story to a LinkedIn account with
// 1,500 followers and its short link earns clicks from three browsers (one of them
// twice) and a link previewer (not counted). The analyst opens Impact and sees the
// share's clicks and reach, the earned media value with its formula and worked sum, a
// comparison with the period before, the tables per story and per share, and
// downloads the stories as CSV; a range without shares says so. The spoke lead of the
// volunteer's spoke sees the same numbers, another spoke's lead none. The hub admin
// changes the rates and the value changes with them; the settings link the public
// voice's page and feeds while it is published. The volunteer sees their own impact on
// My points.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { DEMO_ORG_SLUG, DEMO_PASSWORD } from '../../src/demo/index.ts';
import { startStoryPages, type StoryPages } from '../../src/modules/advocacy/stories/story-pages.fixture.ts';
import {
  assertFitsWidth, chromiumMissing, photographedOnFailure as photographedOnFailureOf, signInToDemo, startDemoBrowserHerd, type BrowserHerd,
} from './browser-herd.ts';

const ADMIN = 'admin@acme-retail.example';
const PR_LEAD = 'pr@acme-retail.example';
const ANALYST = 'analyst@acme-retail.example';
const VOLUNTEER = 'emma.clarke@acme-retail.example';
const HER_LEAD = 'cs.lead@acme-retail.example';
const OTHER_LEAD = 'product.lead@acme-retail.example';
const STORY = 'Spring at Acme & friends';
const SCREENSHOTS = 'test-results';
const BROWSERS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
];

const openPages = new Set<Page>();
const photographedOnFailure = (name: string, steps: () => Promise<void>) => photographedOnFailureOf(openPages, `advocacy-impact-failed-${name}`, steps);

const signIn = (browser: Browser, baseUrl: string, email: string, width?: number) => signInToDemo(browser, baseUrl, email, openPages, width);

/** The API as `email`, with the session's CSRF token on every write. */
async function apiAs(baseUrl: string, email: string) {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl });
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD, organization: DEMO_ORG_SLUG } });
  assert.equal(login.status(), 200, await login.text());
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  const send = async (method: 'post' | 'patch', path: string, data: object) => {
    const response = await context[method](path, { data, headers });
    assert.ok(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return { post: (path: string, data: object) => send('post', path, data), patch: (path: string, data: object) => send('patch', path, data), dispose: () => context.dispose() };
}

const advocacyNav = (page: Page) => page.getByRole('navigation', { name: 'Advocacy' });

async function openImpact(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/advocacy`);
  await advocacyNav(page).getByRole('link', { name: 'Impact' }).click();
  await page.getByRole('heading', { name: 'Impact', exact: true }).waitFor();
}

/** A summary card's value, once the numbers are in. */
async function card(page: Page, name: string): Promise<string> {
  const value = page.getByTestId(`impact-${name}`).locator('.impact-card__value');
  await value.waitFor({ timeout: 10_000 });
  return value.innerText();
}

describe('advocacy impact in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let pages: StoryPages;

  before(async () => {
    pages = await startStoryPages();
    herd = await startDemoBrowserHerd({ allowHosts: ['127.0.0.1'] });

    // Sharing all day, so the test passes at any hour; the default rates (0.80 a click, 6.00 a thousand impressions, EUR).
    const admin = await apiAs(herd.baseUrl, ADMIN);
    await admin.patch('/api/advocacy/settings', { sharingHours: { start: '00:00', end: '00:00' } });
    await admin.dispose();
    const lead = await apiAs(herd.baseUrl, PR_LEAD);
    const story = await lead.post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring` });
    await lead.dispose();
    const volunteer = await apiAs(herd.baseUrl, VOLUNTEER);
    const account = await volunteer.post('/api/advocacy/accounts', { network: 'linkedin', handle: 'emma-clarke', followers: 1500 });
    const { share } = await volunteer.post('/api/advocacy/shares', {
      storyId: story.id, network: 'linkedin', accountId: account.id, text: 'I planted some of these trees in Roundhay Park with my daughter. Proud of us!',
    });
    await volunteer.dispose();

    // Three people follow the link, one of them twice; LinkedIn's previewer fetches it too and does not count.
    const path = new URL(share.shortUrl).pathname;
    for (const userAgent of [...BROWSERS, BROWSERS[0]!, 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)']) {
      const response = await fetch(`${herd.baseUrl}${path}`, { redirect: 'manual', headers: { 'user-agent': userAgent } });
      assert.equal(response.status, 302);
    }
  });
  after(async () => {
    await herd?.close();
    await pages?.close();
  });

  it('shows the analyst the clicks, reach and earned media value with its formula, per story and share, and as CSV', () => photographedOnFailure('analyst', async () => {
    const analyst = await signIn(herd.browser, herd.baseUrl, ANALYST);
    await openImpact(analyst, herd.baseUrl);
    assert.equal(await card(analyst, 'shares'), '1');
    assert.equal(await card(analyst, 'clicks'), '4');
    assert.equal(await card(analyst, 'unique-clicks'), '3');
    assert.equal(await card(analyst, 'reach'), '1,500');
    assert.match(await card(analyst, 'earned-media-value'), /12\.20/);
    assert.equal(await analyst.getByTestId('impact-emv-expression').innerText(), '4 × 0.80 + 1,500 ÷ 1000 × 6.00 = 12.20 EUR');
    assert.match(await analyst.getByTestId('impact-emv-formula').innerText(), /clicks × cost per click \+ reach ÷ 1000 × cost per thousand impressions, at €0\.80 a click and €6\.00 a thousand impressions/);
    // Nothing was shared the 30 days before.
    await analyst.getByTestId('impact-clicks').getByText('new').waitFor({ timeout: 10_000 });
    assert.match(await analyst.getByRole('img', { name: /^Clicks per day: / }).getAttribute('aria-label') ?? '', /\d{4}-\d{2}-\d{2} 4$/);

    const storyRow = analyst.getByRole('region', { name: 'Impact per story' }).getByRole('row').filter({ hasText: STORY });
    await storyRow.waitFor({ timeout: 10_000 });
    assert.match(await storyRow.innerText(), /4 × 0\.80 \+ 1,500 ÷ 1000 × 6\.00 = 12\.20 EUR/);
    await analyst.screenshot({ path: `${SCREENSHOTS}/advocacy-impact.png`, fullPage: true });

    // The story's shares: Emma's, on LinkedIn, with its four clicks.
    await storyRow.getByRole('button', { name: `Shares of “${STORY}”` }).click();
    await analyst.getByTestId('impact-story-filter').getByText(`“${STORY}”`).waitFor({ timeout: 10_000 });
    const shareRow = analyst.getByRole('region', { name: 'Impact per share' }).getByRole('row').filter({ hasText: 'Emma Clarke' });
    await shareRow.waitFor({ timeout: 10_000 });
    assert.match(await shareRow.innerText(), /LinkedIn/);
    assert.match(await shareRow.innerText(), /\t4\t3\t1,500\t/);

    // The stories as CSV: the download, and what the server answers for its address.
    await analyst.getByRole('button', { name: 'Show every story' }).click();
    await analyst.getByRole('button', { name: 'Per story' }).click();
    // The link's address changes with the table chosen, in the same render as the pressed button.
    await analyst.getByRole('button', { name: 'Per story', pressed: true }).waitFor({ timeout: 10_000 });
    const csvLink = analyst.getByTestId('impact-csv');
    const href = await csvLink.getAttribute('href');
    assert.match(href ?? '', /^\/api\/advocacy\/measurement\/stories\?format=csv&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&sort=clicks$/);
    const [download] = await Promise.all([analyst.waitForEvent('download'), csvLink.click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^story_id,title,url,status,sharers,shares,clicks,unique_clicks,reach,earned_media_value,currency,earned_media_value_sum/);
    assert.match(csv, /Spring at Acme & friends/);
    const answered = await analyst.context().request.get(`${herd.baseUrl}${href}`);
    assert.equal(answered.status(), 200);
    assert.match(answered.headers()['content-type'] ?? '', /^text\/csv/);
    assert.match(await answered.text(), /Spring at Acme & friends.*,1,1,4,3,1500,12\.2,EUR,/);

    // A range without shares.
    await analyst.getByLabel('From', { exact: true }).fill('2024-01-01');
    await analyst.getByLabel('To', { exact: true }).fill('2024-01-31');
    await analyst.getByText('No shares in this period.').waitFor({ timeout: 10_000 });
    assert.equal(await card(analyst, 'clicks'), '0');

    await analyst.setViewportSize({ width: 360, height: 800 });
    await openImpact(analyst, herd.baseUrl);
    await analyst.getByRole('region', { name: 'Impact per story' }).waitFor({ timeout: 10_000 });
    await assertFitsWidth(analyst, 'the impact page');
    await analyst.screenshot({ path: `${SCREENSHOTS}/advocacy-impact-360.png`, fullPage: true });
    await analyst.context().close();
  }));

  it('shows a spoke lead their spoke\'s shares only', () => photographedOnFailure('spoke-lead', async () => {
    const herLead = await signIn(herd.browser, herd.baseUrl, HER_LEAD);
    await openImpact(herLead, herd.baseUrl);
    assert.equal(await card(herLead, 'clicks'), '4');
    assert.equal(await herLead.getByLabel('Spoke', { exact: true }).count(), 0, 'one spoke led: nothing to choose');
    await herLead.context().close();

    const otherLead = await signIn(herd.browser, herd.baseUrl, OTHER_LEAD);
    await openImpact(otherLead, herd.baseUrl);
    await otherLead.getByText('No shares in this period.').waitFor({ timeout: 10_000 });
    await otherLead.context().close();

    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await volunteer.goto(`${herd.baseUrl}/advocacy`);
    await advocacyNav(volunteer).getByRole('link', { name: 'My shares' }).waitFor();
    assert.equal(await advocacyNav(volunteer).getByRole('link', { name: 'Impact' }).count(), 0, 'volunteers have no Impact tab');
    // Their own impact, on My points.
    await advocacyNav(volunteer).getByRole('link', { name: 'My points' }).click();
    const mine = volunteer.getByTestId('my-impact');
    assert.equal(await mine.getByTestId('impact-clicks').locator('.impact-card__value').innerText({ timeout: 10_000 }), '4');
    assert.equal(await mine.getByTestId('impact-emv-expression').innerText(), '4 × 0.80 + 1,500 ÷ 1000 × 6.00 = 12.20 EUR');
    assert.match(await mine.innerText(), /“Spring at Acme & friends” on LinkedIn: 4 clicks/);
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-my-impact.png`, fullPage: true });
    await volunteer.context().close();
  }));

  it('values the clicks and reach at the rates the hub admin sets, and links the public voice', () => photographedOnFailure('rates', async () => {
    const admin = await signIn(herd.browser, herd.baseUrl, ADMIN);
    await openImpact(admin, herd.baseUrl);
    assert.equal(await admin.getByTestId('impact-emv-expression').innerText({ timeout: 10_000 }), '4 × 0.80 + 1,500 ÷ 1000 × 6.00 = 12.20 EUR');

    await advocacyNav(admin).getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('heading', { name: 'Advocacy settings' }).waitFor();
    // The demo publishes its public voice: the page and its feeds are linked beside the switch.
    const voice = admin.getByTestId('public-voice-links');
    const pageAddress = `${herd.baseUrl}/voice/${DEMO_ORG_SLUG}`;
    assert.equal(await voice.getByRole('link', { name: pageAddress }).getAttribute('href'), `/voice/${DEMO_ORG_SLUG}`);
    assert.equal(await voice.getByRole('link', { name: 'Atom' }).getAttribute('href'), `/voice/${DEMO_ORG_SLUG}/feed.atom`);
    assert.equal(await voice.getByRole('link', { name: 'JSON Feed' }).getAttribute('href'), `/voice/${DEMO_ORG_SLUG}/feed.json`);

    // New rates, and the public voice switched off: no links, and the page is gone.
    await admin.getByLabel('Cost per click').fill('1.5');
    await admin.getByLabel('Cost per thousand impressions').fill('10');
    await admin.getByLabel('Currency').fill('GBP');
    await admin.getByLabel('Publish the public page and feeds').uncheck();
    assert.equal(await voice.count(), 0);
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Advocacy settings saved.').waitFor({ timeout: 10_000 });
    assert.equal((await fetch(pageAddress)).status, 404);

    // Switched on again: where it will be until saved, then the links.
    await admin.getByLabel('Publish the public page and feeds').check();
    await voice.getByText(`Once saved, the page is published at ${pageAddress}.`).waitFor();
    assert.equal(await voice.getByRole('link').count(), 0, 'nothing to follow before it is saved');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await voice.getByRole('link', { name: 'Atom' }).waitFor({ timeout: 10_000 });
    const page = await fetch(pageAddress);
    assert.equal(page.status, 200, 'the public page answers once published');
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    await admin.screenshot({ path: `${SCREENSHOTS}/advocacy-settings-voice.png`, fullPage: true });

    await advocacyNav(admin).getByRole('link', { name: 'Impact' }).click();
    await admin.getByTestId('impact-emv-expression').filter({ hasText: '4 × 1.50 + 1,500 ÷ 1000 × 10.00 = 21.00 GBP' }).waitFor({ timeout: 10_000 });
    assert.match(await card(admin, 'earned-media-value'), /21\.00/);
    assert.match(await admin.getByTestId('impact-emv-formula').innerText(), /at £1\.50 a click and £10\.00 a thousand impressions/);
    await admin.context().close();
  }));
});
