// A browser walks employee advocacy on the Acme Retail demo, with story pages served
// by a local page server: the hub admin opens sharing all day; the PR lead reads a
// page that is a PDF (refused, with the reason) and then a blog post, and adds it as a
// live story with a talking point and a hashtag. A volunteer finds it in their feed,
// first pastes the talking point (nudged to make it personal), then writes their own
// words and shares on LinkedIn: the share is in My shares with its short link, and the
// short link redirects to the story with UTM tags. A volunteer's suggestion is approved
// by the PR lead and reaches the feed; a pause shows on the feed. No request leaves
// this machine: the networks' compose pages are never opened (window.open is recorded).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedAcmeRetail } from '../../src/demo/index.ts';
import { startStoryPages, type StoryPages } from '../../src/modules/advocacy/stories/story-pages.fixture.ts';
import {
  assertFitsWidth, chromiumMissing, photographedOnFailure as photographedOnFailureOf, signInOffline, startBrowserHerd, waitUntilEnabled, type BrowserHerd,
} from './browser-herd.ts';

const ADMIN = 'admin@acme-retail.example';
const PR_LEAD = 'pr@acme-retail.example';
const VOLUNTEER = 'emma.clarke@acme-retail.example';
const SUGGESTER = 'aisha.begum@acme-retail.example';
const TALKING_POINT = 'We planted a thousand trees with our customers this spring, one for every online order in March.';
const OWN_WORDS = 'I spent a Saturday in Roundhay Park with my daughter planting some of these. Proud of what our customers and colleagues did together!';
const SCREENSHOTS = 'test-results';

/** Every page opened, to photograph them when a step fails. */
const openPages = new Set<Page>();

/** Signs in; the page's window.open is recorded instead of opening a network's site, and nothing but this machine is reachable. */
async function signIn(browser: Browser, baseUrl: string, email: string, width = 1280): Promise<Page> {
  const page = await signInOffline(browser, baseUrl, email, { password: DEMO_PASSWORD, width });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

const photographedOnFailure = (name: string, steps: () => Promise<void>) => photographedOnFailureOf(openPages, `advocacy-failed-${name}`, steps);

const advocacyNav = (page: Page) => page.getByRole('navigation', { name: 'Advocacy' });

async function openStories(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/advocacy`);
  await advocacyNav(page).getByRole('link', { name: 'Stories', exact: true }).click();
  await page.getByRole('heading', { name: 'Stories', exact: true }).waitFor();
  await page.locator('.story-card, .empty-state').first().waitFor({ timeout: 10_000 });
}

describe('employee advocacy in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let pages: StoryPages;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    pages = await startStoryPages();
    herd = await startBrowserHerd({ allowHosts: ['127.0.0.1'] });
    await seedAcmeRetail(herd.database.db, { passwordCost: 10 });
  });
  after(async () => {
    await herd?.close();
    await pages?.close();
  });

  it('adds a story, shares it in your own words on LinkedIn, and follows its short link', () => photographedOnFailure('share', async () => {
    // Shares go out within the sharing hours; open them all day so the test passes at any hour.
    const admin = await signIn(herd.browser, herd.baseUrl, ADMIN);
    await admin.goto(`${herd.baseUrl}/advocacy`);
    await advocacyNav(admin).getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('heading', { name: 'Advocacy settings' }).waitFor();
    await admin.getByLabel('Sharing from').fill('00:00');
    await admin.getByLabel('Sharing until').fill('00:00');
    await admin.screenshot({ path: `${SCREENSHOTS}/advocacy-settings.png`, fullPage: true });
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Advocacy settings saved.').waitFor({ timeout: 10_000 });
    await admin.context().close();

    const lead = await signIn(herd.browser, herd.baseUrl, PR_LEAD);
    await openStories(lead, herd.baseUrl);
    await lead.getByRole('button', { name: 'Add a story' }).first().click();
    const dialog = lead.getByRole('dialog', { name: 'Add a story' });
    const url = dialog.getByLabel('Address of the story');
    // A PDF is not a page to share: refused, with the reason in words.
    await url.fill(`${pages.origin}/report.pdf`);
    await dialog.getByRole('button', { name: 'Read the page' }).click();
    const problem = dialog.getByTestId('story-url-problem');
    await problem.waitFor({ timeout: 10_000 });
    assert.match(await problem.innerText(), /not a web page/);

    await url.fill(`${pages.origin}/blog/spring`);
    await dialog.getByRole('button', { name: 'Read the page' }).click();
    await dialog.getByText('Read: “Spring at Acme & friends” from Acme Blog.').waitFor({ timeout: 10_000 });
    assert.equal(await problem.count(), 0, 'the refusal is gone once the page reads');
    assert.equal(await dialog.getByLabel(/^Title/).inputValue(), 'Spring at Acme & friends');
    assert.equal(await dialog.getByLabel('Summary').inputValue(), 'We planted 1,000 trees with our customers.');
    assert.equal(await dialog.getByLabel('Image address (optional)').inputValue(), `${pages.origin}/img/trees.jpg`);
    await dialog.getByRole('button', { name: 'Add talking point' }).click();
    await dialog.getByLabel('Point 1', { exact: true }).fill(TALKING_POINT);
    await dialog.getByLabel('Suggested hashtags').fill('AcmeSpring, #Trees');
    await lead.screenshot({ path: `${SCREENSHOTS}/advocacy-add-story.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Add story' }).click();
    const added = lead.getByRole('article', { name: 'Spring at Acme & friends' });
    await added.waitFor({ timeout: 10_000 });
    assert.equal(await added.getByTestId('story-status').innerText(), 'Live');
    assert.match(await added.innerText(), /#AcmeSpring/);
    assert.match(await added.innerText(), /#Trees/);
    await lead.context().close();

    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await volunteer.goto(`${herd.baseUrl}/advocacy`);
    await volunteer.getByRole('heading', { name: 'Stories for you' }).waitFor();
    const card = volunteer.getByRole('article', { name: 'Spring at Acme & friends' });
    await card.waitFor({ timeout: 10_000 });
    assert.match(await card.innerText(), /Acme Blog/);
    assert.match(await card.innerText(), /one for every online order/);
    await card.getByRole('link', { name: 'Share “Spring at Acme & friends”' }).click();

    const composer = volunteer.getByRole('form', { name: 'Share this story' });
    await composer.waitFor({ timeout: 10_000 });
    assert.equal(await composer.getByRole('radio', { name: 'LinkedIn' }).isChecked(), true, 'LinkedIn is the first choice');
    const words = composer.getByRole('textbox', { name: 'Your words' });
    const shareButton = composer.getByRole('button', { name: 'Share on LinkedIn' });

    // The talking point copied word for word: a nudge, marked in the text, not a refusal.
    await words.fill(TALKING_POINT);
    const nudges = composer.getByTestId('share-nudges');
    await nudges.waitFor({ timeout: 10_000 });
    assert.match(await nudges.innerText(), /Make it personal/);
    await composer.getByTestId('composer-highlights').locator('mark[data-tone="warn"]').waitFor();
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-composer-nudge.png`, fullPage: true });

    await words.fill(OWN_WORDS);
    await nudges.waitFor({ state: 'detached', timeout: 10_000 });
    await composer.getByTestId('share-status').filter({ hasText: 'Ready to share.' }).waitFor({ timeout: 10_000 });
    const finalText = await composer.getByTestId('share-final-text').innerText();
    assert.ok(finalText.startsWith(OWN_WORDS), `the final text is the volunteer's words: ${finalText}`);
    assert.match(finalText, /\/s\/x{8}$/, 'a stand-in for the short link is added');
    await composer.getByRole('button', { name: 'Add #AcmeSpring' }).click();
    await composer.getByTestId('share-final-text').filter({ hasText: '#AcmeSpring' }).waitFor({ timeout: 10_000 });
    await waitUntilEnabled(shareButton);
    await shareButton.click();

    const done = volunteer.getByTestId('share-done');
    await done.waitFor({ timeout: 10_000 });
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-share-done.png`, fullPage: true });
    const shortUrl = await done.getByTestId('share-short-link').innerText();
    const code = /\/s\/([0-9A-Za-z]{8})$/.exec(shortUrl)?.[1];
    assert.ok(code, `a short link of its own: ${shortUrl}`);
    assert.equal(await done.getByLabel('Text to post').inputValue(), `${OWN_WORDS} #AcmeSpring ${shortUrl}`);
    const opened = await volunteer.evaluate<string[]>('window.__opened');
    assert.deepEqual(opened, [`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(shortUrl)}`], 'LinkedIn\'s compose page is opened with the short link');

    await advocacyNav(volunteer).getByRole('link', { name: 'My shares' }).click();
    await volunteer.getByRole('heading', { name: 'My shares' }).waitFor();
    const row = volunteer.getByRole('row').filter({ hasText: 'Spring at Acme & friends' });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await row.getByTestId('share-short-link').innerText(), shortUrl);
    assert.equal(await row.getByTestId('share-status').innerText(), 'Ready to post');
    assert.match(await row.innerText(), /LinkedIn/);
    assert.match(await row.innerText(), /Roundhay Park/);
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-my-shares.png`, fullPage: true });

    // The short link leads to the story with the share's UTM tags.
    const response = await fetch(`${herd.baseUrl}/s/${code}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0' } });
    assert.equal(response.status, 302);
    const target = new URL(response.headers.get('location') ?? '');
    assert.equal(`${target.origin}${target.pathname}`, `${pages.origin}/blog/spring`);
    assert.equal(target.searchParams.get('utm_source'), 'linkedin');
    assert.equal(target.searchParams.get('utm_medium'), 'employee-share');
    assert.ok(target.searchParams.get('utm_campaign'), 'the story is the campaign');
    assert.ok(target.searchParams.get('utm_content'), 'the share is the content');

    // Another share, on X, scheduled for the day after tomorrow in the volunteer's time zone: nothing opens now.
    await volunteer.goto(`${herd.baseUrl}/advocacy/share/${target.searchParams.get('utm_campaign')}`);
    await composer.getByRole('radio', { name: 'X' }).check();
    await words.fill('Our customers chose the trees, we planted them. Small things add up.');
    await composer.getByLabel('Schedule it for later').check();
    const later = `${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}T10:00`;
    await composer.getByLabel('Date and time').fill(later);
    await composer.getByTestId('share-status').filter({ hasText: 'Ready to schedule.' }).waitFor({ timeout: 10_000 });
    const schedule = composer.getByRole('button', { name: 'Schedule share' });
    await waitUntilEnabled(schedule);
    await schedule.click();
    await volunteer.getByTestId('share-scheduled').waitFor({ timeout: 10_000 });
    assert.equal((await volunteer.evaluate<string[]>('window.__opened')).length, 0, 'a scheduled share opens nothing now');
    await advocacyNav(volunteer).getByRole('link', { name: 'My shares' }).click();
    const scheduledRow = volunteer.getByRole('row').filter({ hasText: 'Small things add up' });
    await scheduledRow.waitFor({ timeout: 10_000 });
    assert.equal(await scheduledRow.getByTestId('share-status').innerText(), 'Scheduled');
    assert.match(await scheduledRow.innerText(), /Scheduled for/);

    await volunteer.setViewportSize({ width: 360, height: 800 });
    await volunteer.goto(`${herd.baseUrl}/advocacy`);
    await card.waitFor({ timeout: 10_000 });
    await assertFitsWidth(volunteer, 'the feed');
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-feed-360.png`, fullPage: true });
    await volunteer.context().close();
  }));

  it('takes a volunteer\'s suggestion to the feed once the PR lead approves it, and shows a pause', () => photographedOnFailure('suggest', async () => {
    const suggester = await signIn(herd.browser, herd.baseUrl, SUGGESTER);
    await suggester.goto(`${herd.baseUrl}/advocacy`);
    await suggester.getByRole('heading', { name: 'Stories for you' }).waitFor();
    await suggester.getByRole('link', { name: 'Suggest a story' }).first().click();
    const dialog = suggester.getByRole('dialog', { name: 'Suggest a story' });
    await dialog.getByLabel('Address of the story').fill(`${pages.origin}/blog/video`);
    await dialog.getByRole('button', { name: 'Read the page' }).click();
    await dialog.getByText('Read: “Our store tour” from Acme Video.').waitFor({ timeout: 10_000 });
    assert.equal(await dialog.getByLabel('Status').count(), 0, 'a volunteer suggests; only reviewers choose the status');
    await dialog.getByRole('button', { name: 'Suggest story' }).click();
    await suggester.getByText('Thank you: your suggestion waits for a lead’s review.').waitFor({ timeout: 10_000 });
    const suggestion = suggester.getByRole('article', { name: 'Our store tour' });
    await suggestion.waitFor({ timeout: 10_000 });
    assert.equal(await suggestion.getByTestId('story-status').innerText(), 'Suggested');
    assert.equal(await suggestion.getByRole('button', { name: 'Approve' }).count(), 0, 'a volunteer cannot approve');

    const lead = await signIn(herd.browser, herd.baseUrl, PR_LEAD);
    await openStories(lead, herd.baseUrl);
    await lead.getByLabel('Status').selectOption('suggested');
    // The filter leaves live stories out (the unfiltered list shows until the filtered one is in).
    await lead.getByRole('article', { name: 'Spring at Acme & friends' }).waitFor({ state: 'detached', timeout: 10_000 });
    const waiting = lead.getByRole('article', { name: 'Our store tour' });
    await waiting.waitFor({ timeout: 10_000 });
    await lead.screenshot({ path: `${SCREENSHOTS}/advocacy-stories-review.png`, fullPage: true });
    await waiting.getByRole('button', { name: 'Approve' }).click();
    const review = lead.getByRole('dialog', { name: 'Approve “Our store tour”' });
    await review.getByLabel('Note for its author (optional)').fill('Lovely idea, thank you.');
    await review.getByRole('button', { name: 'Approve story' }).click();
    // Approved, it leaves the suggestions (the demo's own suggestion stays).
    await waiting.waitFor({ state: 'detached', timeout: 10_000 });
    await lead.context().close();

    await suggester.goto(`${herd.baseUrl}/advocacy`);
    const inFeed = suggester.getByRole('article', { name: 'Our store tour' });
    await inFeed.waitFor({ timeout: 10_000 });

    // The hub pauses advocacy: the feed says so, with the reason.
    const admin = await signIn(herd.browser, herd.baseUrl, ADMIN);
    await admin.goto(`${herd.baseUrl}/advocacy/settings`);
    await admin.getByLabel('Pause all sharing').check();
    await admin.getByLabel('Why (sharers see this)').fill('A crisis drill is running.');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Advocacy settings saved.').waitFor({ timeout: 10_000 });
    await admin.context().close();
    await suggester.reload();
    const banner = suggester.getByTestId('advocacy-paused');
    await banner.waitFor({ timeout: 10_000 });
    assert.match(await banner.innerText(), /A crisis drill is running\./);
    // The composer says plainly why nothing can go out, and Share stays off.
    await inFeed.getByRole('link', { name: 'Share “Our store tour”' }).click();
    const composer = suggester.getByRole('form', { name: 'Share this story' });
    await composer.getByRole('textbox', { name: 'Your words' }).fill('Walked the new store with the team this week, it looks great.');
    const whyNot = composer.getByTestId('share-why-not');
    await whyNot.waitFor({ timeout: 10_000 });
    assert.match(await whyNot.innerText(), /Sharing is paused: A crisis drill is running\./);
    assert.equal(await composer.getByRole('button', { name: 'Share on LinkedIn' }).isDisabled(), true);
    await suggester.context().close();
  }));
});
