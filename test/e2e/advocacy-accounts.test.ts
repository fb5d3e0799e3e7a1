// A browser walks a volunteer's accounts on the Acme Retail demo, with a local Mastodon
// server and a local story page: the volunteer connects their Mastodon account (a bad
// token first, refused with the reason), declares their LinkedIn account with its
// followers, and shares a story through the Mastodon account: Herd publishes it (the
// test runs the publish job, as the worker would), the composer shows it published
// with a link to the post, and the Mastodon server received exactly one status, with
// the share's short link. On LinkedIn the declared followers are the share's reach, and
// the volunteer confirms the post with "I posted it". Nothing leaves this machine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createGuardedHttp } from '../../src/connectors/index.ts';
import { GOOD_TOKEN, startMastodonTestServer, type MastodonTestServer } from '../../src/connectors/mastodon/mastodon-test-server.ts';
import { DEMO_ORG_SLUG, DEMO_PASSWORD, seedAcmeRetail } from '../../src/demo/index.ts';
import { runDueJobs } from '../../src/jobs/index.ts';
import { publishShareJob } from '../../src/modules/advocacy/shares/publish-share.job.ts';
import { startStoryPages, type StoryPages } from '../../src/modules/advocacy/stories/story-pages.fixture.ts';
import { generateSecretKey } from '../../src/secrets/index.ts';
import { assertFitsWidth, chromiumMissing, photographedOnFailure, signInOffline, startBrowserHerd, waitUntilEnabled, type BrowserHerd } from './browser-herd.ts';

const ADMIN = 'admin@acme-retail.example';
const VOLUNTEER = 'emma.clarke@acme-retail.example';
const STORY = 'Spring at Acme & friends';
const POST_ADDRESS = 'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000001/';
const SCREENSHOTS = 'test-results';

/** The pages open now, to photograph them when a step fails. */
const openPages = new Set<Page>();

/** The volunteer, signed in on a page that reaches only this machine and records what window.open would open. */
async function signInVolunteer(herd: BrowserHerd): Promise<Page> {
  const page = await signInOffline(herd.browser, herd.baseUrl, VOLUNTEER, { password: DEMO_PASSWORD });
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

const advocacyNav = (page: Page) => page.getByRole('navigation', { name: 'Advocacy' });
const opened = (page: Page) => page.evaluate<string[]>('window.__opened');

describe('a volunteer\'s accounts in the browser: connecting, publishing through one, reach and "I posted it"', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let pages: StoryPages;
  let mastodon: MastodonTestServer;
  let storyId: string;

  /** The worker's turn: the publish jobs due now run, reaching the local Mastodon server. */
  const runPublisher = () => runDueJobs({
    db: herd.database.db, definitions: [publishShareJob], workerId: 'e2e', http: createGuardedHttp({ allowHosts: ['127.0.0.1'] }), config: herd.config,
  });

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [pages, mastodon] = await Promise.all([startStoryPages(), startMastodonTestServer()]);
    // With a key of its own the server keeps credentials without a key file in the working directory.
    herd = await startBrowserHerd({ allowHosts: ['127.0.0.1'], config: { secretKey: generateSecretKey() } });
    await seedAcmeRetail(herd.database.db, { passwordCost: 10 });
    // The hub opens sharing all day (so the test passes at any hour) and adds the story, through the API.
    const login = await herd.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN, password: DEMO_PASSWORD, organization: DEMO_ORG_SLUG } });
    assert.equal(login.statusCode, 200, login.body);
    const headers = { cookie: login.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '), 'x-csrf-token': login.json().csrfToken as string };
    const settings = await herd.app.inject({ method: 'PATCH', url: '/api/advocacy/settings', headers, payload: { sharingHours: { start: '00:00', end: '00:00' } } });
    assert.equal(settings.statusCode, 200, settings.body);
    const story = await herd.app.inject({ method: 'POST', url: '/api/advocacy/stories', headers, payload: { url: `${pages.origin}/blog/spring` } });
    assert.equal(story.statusCode, 201, story.body);
    storyId = story.json().id;
  });
  after(async () => {
    await herd?.close();
    await Promise.all([pages?.close(), mastodon?.close()]);
  });

  it('connects a Mastodon account (a bad token refused first) and publishes a story through it, once, with a link to the post', () => photographedOnFailure(openPages, 'advocacy-accounts-failed-mastodon', async () => {
    const volunteer = await signInVolunteer(herd);
    await volunteer.goto(`${herd.baseUrl}/advocacy`);
    await advocacyNav(volunteer).getByRole('link', { name: 'My accounts' }).click();
    await volunteer.getByRole('heading', { name: 'My accounts' }).waitFor();
    await volunteer.getByText('No accounts yet.').waitFor({ timeout: 10_000 });

    await volunteer.getByRole('button', { name: 'Connect Mastodon' }).first().click();
    const dialog = volunteer.getByRole('dialog', { name: 'Connect a Mastodon account' });
    const help = await dialog.getByTestId('connect-help').innerText();
    assert.match(help, /read:accounts/);
    assert.match(help, /write:statuses/);
    const token = dialog.getByLabel('Access token');
    assert.equal(await token.getAttribute('type'), 'password', 'the token is typed into a password field');
    await dialog.getByLabel('Your Mastodon server').fill(mastodon.origin);
    await token.fill('tok_not_a_real_one');
    await dialog.getByRole('button', { name: 'Connect account' }).click();
    const problem = dialog.getByTestId('account-problem');
    await problem.waitFor({ timeout: 10_000 });
    assert.match(await problem.innerText(), /Mastodon refused the access token/);
    assert.match(await problem.innerText(), /ACCOUNT_CREDENTIALS_REJECTED/);

    await token.fill(GOOD_TOKEN);
    await dialog.getByRole('button', { name: 'Connect account' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    const mastodonRow = volunteer.getByRole('row').filter({ hasText: 'Mastodon' });
    await mastodonRow.waitFor({ timeout: 10_000 });
    const handle = await mastodonRow.getByTestId('account-handle').innerText();
    assert.equal(handle, '@acme@127.0.0.1', 'the handle as Mastodon says it, with its server');
    assert.equal(await mastodonRow.getByTestId('account-followers').innerText(), '4,821 followers');
    assert.equal(await mastodonRow.getByTestId('account-kind').innerText(), 'Connected');
    assert.ok(!(await volunteer.content()).includes(GOOD_TOKEN), 'the token is never shown');

    // A declared LinkedIn account: the volunteer's word for their followers.
    await volunteer.getByRole('button', { name: 'Add LinkedIn, X, Facebook or e-mail' }).first().click();
    const declare = volunteer.getByRole('dialog', { name: 'Add an account you post on' });
    assert.equal(await declare.getByLabel('Network').inputValue(), 'linkedin');
    await declare.getByLabel('Your name or profile address on LinkedIn').fill('Emma Clarke');
    await declare.getByLabel('Followers and connections').fill('640');
    await declare.getByRole('button', { name: 'Add account' }).click();
    const linkedinRow = volunteer.getByRole('row').filter({ hasText: 'LinkedIn' });
    await linkedinRow.waitFor({ timeout: 10_000 });
    assert.equal(await linkedinRow.getByTestId('account-followers').innerText(), '640 followers');
    assert.equal(await linkedinRow.getByTestId('account-kind').innerText(), 'Declared');
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-accounts.png`, fullPage: true });

    // Sharing on Mastodon: the connected account is chosen, and no server needs naming.
    await volunteer.goto(`${herd.baseUrl}/advocacy/share/${storyId}`);
    const composer = volunteer.getByRole('form', { name: 'Share this story' });
    await composer.waitFor({ timeout: 10_000 });
    await composer.getByRole('radio', { name: 'Mastodon', exact: true }).check();
    const through = composer.getByRole('radio', { name: `Publish through ${handle}` });
    await through.waitFor();
    assert.equal(await through.isChecked(), true, 'the connected account is the first choice');
    assert.equal(await composer.getByLabel('Your Mastodon server').count(), 0, 'no compose page to open, so no server to name');
    assert.equal(await composer.getByTestId('share-reach').innerText(), 'Adds 4,821 followers to the reach of this story.');
    await composer.getByRole('textbox', { name: 'Your words' }).fill('I planted trees in Roundhay Park with my daughter this spring. So proud of this.');
    await composer.getByTestId('share-status').filter({ hasText: 'Ready to share.' }).waitFor({ timeout: 10_000 });
    const publish = composer.getByRole('button', { name: `Publish through ${handle}` });
    await waitUntilEnabled(publish);
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-composer-account.png`, fullPage: true });
    await publish.click();

    const done = volunteer.getByTestId('share-done');
    await done.waitFor({ timeout: 10_000 });
    assert.equal(await done.getAttribute('data-status'), 'publishing');
    assert.match(await done.getByTestId('share-publish-state').innerText(), new RegExp(`Herd is publishing it through ${handle}`));
    const shortUrl = await done.getByTestId('share-short-link').innerText();
    assert.match(shortUrl, /\/s\/[0-9A-Za-z]{8}$/);

    await runPublisher();
    const published = volunteer.locator('[data-testid="share-done"][data-status="published"]');
    await published.waitFor({ timeout: 10_000 });
    const statusPosts = mastodon.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/statuses');
    assert.equal(statusPosts.length, 1, 'Mastodon was asked to post once');
    assert.equal(mastodon.posted.length, 1, 'Mastodon has exactly one new status');
    assert.ok(mastodon.posted[0]!.content.includes(shortUrl), `the status carries the short link: ${mastodon.posted[0]!.content}`);
    const postLink = published.getByTestId('share-published-link');
    assert.equal(await postLink.getAttribute('href'), mastodon.posted[0]!.url, 'the link leads to the post on Mastodon');
    assert.match(await published.innerText(), /Reach: 4,821 followers\./);
    assert.deepEqual(await opened(volunteer), [], 'no compose page was opened');
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-published-through-account.png`, fullPage: true });

    await advocacyNav(volunteer).getByRole('link', { name: 'My shares' }).click();
    const row = volunteer.getByRole('row').filter({ hasText: 'Roundhay Park' });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await row.getByTestId('share-status').innerText(), 'Published');
    assert.equal(await row.getByTestId('share-via').innerText(), `by Herd through ${handle}`);
    assert.equal(await row.getByTestId('share-reach').innerText(), '4,821 followers');
    assert.equal(await row.getByTestId('share-published-link').getAttribute('href'), mastodon.posted[0]!.url);
    assert.equal(await row.getByRole('button', { name: /I posted it/ }).count(), 0, 'Herd published it: nothing to confirm');

    await volunteer.setViewportSize({ width: 360, height: 800 });
    await advocacyNav(volunteer).getByRole('link', { name: 'My accounts' }).click();
    await volunteer.getByRole('row').filter({ hasText: 'Mastodon' }).waitFor({ timeout: 10_000 });
    await assertFitsWidth(volunteer, 'my accounts');
    await volunteer.context().close();
  }));

  it('counts a declared LinkedIn account\'s followers as reach, and confirms the post with "I posted it"', () => photographedOnFailure(openPages, 'advocacy-accounts-failed-linkedin', async () => {
    const volunteer = await signInVolunteer(herd);
    await volunteer.goto(`${herd.baseUrl}/advocacy/share/${storyId}`);
    const composer = volunteer.getByRole('form', { name: 'Share this story' });
    await composer.waitFor({ timeout: 10_000 });
    assert.equal(await composer.getByRole('radio', { name: 'LinkedIn', exact: true }).isChecked(), true);
    const asDeclared = composer.getByRole('radio', { name: /^As Emma Clarke/ });
    await asDeclared.waitFor({ timeout: 10_000 });
    assert.equal(await asDeclared.isChecked(), true, 'the declared account is chosen');
    assert.equal(await composer.getByTestId('share-reach').innerText(), 'Adds 640 followers to the reach of this story.');
    await composer.getByRole('textbox', { name: 'Your words' }).fill('Our customers chose the trees and we planted them. Small things add up.');
    await composer.getByTestId('share-status').filter({ hasText: 'Ready to share.' }).waitFor({ timeout: 10_000 });
    const share = composer.getByRole('button', { name: 'Share on LinkedIn' });
    await waitUntilEnabled(share);
    await share.click();

    const done = volunteer.getByTestId('share-done');
    await done.waitFor({ timeout: 10_000 });
    assert.equal(await done.getByTestId('share-done-reach').innerText(), 'Reach: 640 followers.');
    const shortUrl = await done.getByTestId('share-short-link').innerText();
    assert.deepEqual(await opened(volunteer), [`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(shortUrl)}`], 'a declared account still opens the compose page');

    await advocacyNav(volunteer).getByRole('link', { name: 'My shares' }).click();
    const row = volunteer.getByRole('row').filter({ hasText: 'Small things add up' });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await row.getByTestId('share-status').innerText(), 'Ready to post');
    assert.equal(await row.getByTestId('share-reach').innerText(), '640 followers');
    assert.equal(await row.getByTestId('share-via').innerText(), 'you post it as Emma Clarke');
    await row.getByRole('button', { name: /I posted it/ }).click();
    const confirm = volunteer.getByRole('dialog', { name: `Posted “${STORY}”?` });
    await confirm.getByLabel('Address of your post (optional)').fill(POST_ADDRESS);
    await confirm.getByRole('button', { name: 'I posted it' }).click();
    await volunteer.getByText('Marked as posted.').waitFor({ timeout: 10_000 });
    await row.getByTestId('share-status').filter({ hasText: 'Published' }).waitFor({ timeout: 10_000 });
    assert.equal(await row.getByTestId('share-published-link').getAttribute('href'), POST_ADDRESS);
    assert.equal(await row.getByTestId('share-via').innerText(), 'posted by you as Emma Clarke');
    assert.equal(await row.getByRole('button', { name: /I posted it/ }).count(), 0, 'confirmed once');
    await volunteer.screenshot({ path: `${SCREENSHOTS}/advocacy-my-shares-confirmed.png`, fullPage: true });
    await volunteer.context().close();
  }));
});
