// The whole loop in a browser, on the Acme Retail demo with the worker running as
// `herd start` runs it (nothing of the pipeline is called by the test):
// a help desk pushes a mention through the signed webhook, and a customer with 48,200
// followers posts on a local Mastodon server that Herd streams; triage and routing
// send both to Emma Clarke (Customer Service, billing level 5), whose inbox shows them
// live with "why me". She answers the Mastodon post, is warned by the policy, fixes the
// text until nothing is found, and sends it; it is high-risk (the customer's reach), so
// it waits until Claire Dubois, the PR lead, approves it in her own browser; then Herd
// publishes it on the Mastodon server as a reply to the customer's status, and Emma's
// conversation shows it published; Claire's insights then show the first response time,
// once the worker has counted it. A webhook source cannot publish (its replies are
// posted by hand, docs/replying.md), so the reply that goes out answers the Mastodon post.
// Screenshots go to test-results/, and the README's to docs/screenshot.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { GOOD_TOKEN, TAG, makeStatus, startMastodonTestServer, type MastodonTestServer } from '../../src/connectors/mastodon/mastodon-test-server.ts';
import type { MastodonAccount } from '../../src/connectors/mastodon/mastodon-status.ts';
import { DEMO_ORG_SLUG, DEMO_PASSWORD } from '../../src/demo/index.ts';
import { findOrganizationBySlug, findPersonByEmail, systemActor, updatePerson } from '../../src/modules/people/index.ts';
import { chromiumMissing, photographedOnFailure, signInToDemo, startDemoBrowserHerd, waitUntilEnabled, type BrowserHerd } from './browser-herd.ts';
import { startPipelineWorker, type PipelineWorker } from './pipeline-worker.ts';

const ADMIN = 'admin@acme-retail.example';
const VOLUNTEER = 'emma.clarke@acme-retail.example';
const PR_LEAD = 'pr@acme-retail.example';
const SCREENSHOTS = 'test-results';
/** Waits on the pipeline (triage, routing, publishing) on a machine shared with other work. */
const PIPELINE_MS = 120_000;
const UI_MS = 15_000;

const influencer: MastodonAccount & Record<string, unknown> = {
  id: '110009876543210001', username: 'ruthreviews', acct: 'ruthreviews@mastodon.example', display_name: 'Ruth Reviews',
  locked: false, bot: false, created_at: '2021-03-01T00:00:00.000Z', note: '<p>Honest reviews of the high street.</p>',
  url: 'https://mastodon.example/@ruthreviews', followers_count: 48_200, following_count: 310, statuses_count: 5120, emojis: [], fields: [],
};
const COMPLAINT_ID = '113541000000000500';
const complaint = () => makeStatus(COMPLAINT_ID, influencer,
  '<p>Acme Retail charged twice for one order and support has ignored me for two weeks. My followers will hear how Acme treats customers.</p>',
  { created_at: new Date().toISOString() });

const ticket = {
  id: 'helpdesk-8812', title: 'Charged twice for my order',
  text: 'Acme charged twice for my order AC-104233 last week. I asked for a refund on the phone and nothing happened.',
  author: { handle: '@nadia.price', name: 'Nadia Price', followers: 35 }, language: 'en',
};

/** Every page open now, photographed when a step fails. */
const openPages = new Set<Page>();

/** A push as docs/webhook-ingest.md tells a sender to make it: HMAC-SHA256 of "<timestamp>.<body>" with the source's secret. */
async function pushSigned(baseUrl: string, source: { id: string; secret: string }, mentions: object[]): Promise<Response> {
  const body = JSON.stringify({ mentions });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', source.secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return fetch(`${baseUrl}/api/ingest/${source.id}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-herd-timestamp': timestamp, 'x-herd-signature': signature }, body,
  });
}

/** The hub admin's API, for what the test sets up rather than walks. */
async function adminApi(herd: BrowserHerd) {
  const login = await herd.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN, password: DEMO_PASSWORD, organization: DEMO_ORG_SLUG } });
  assert.equal(login.statusCode, 200, login.body);
  const headers = { cookie: login.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '), 'x-csrf-token': login.json().csrfToken as string };
  return async (url: string, payload: object) => {
    const response = await herd.app.inject({ method: 'POST', url, headers, payload });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; config: Record<string, unknown> };
  };
}

describe('the whole loop in the browser: webhook and Mastodon in, routed live with why, a policy fix, approval, published on Mastodon', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let mastodon: MastodonTestServer;
  let worker: PipelineWorker;
  let webhook: { id: string; secret: string };
  let volunteer: Page;
  /** The published reply's "N min after the customer", for insights to agree with. */
  let minutesAfterCustomer: number | undefined;

  /** Waits for what the pipeline brings; when it never comes, says what the worker reported. */
  const arrives = (locator: Locator, what: string, timeout = PIPELINE_MS) => locator.waitFor({ timeout }).catch((error: Error) => {
    throw new Error(`${what} did not show within ${timeout / 1000} s. The worker reported: ${worker.errors.join('\n') || 'nothing'}`, { cause: error });
  });
  const inboxRow = (page: Page, text: string) => page.locator('.inbox-row').filter({ hasText: text });
  const conversationView = (page: Page) => page.getByRole('article').filter({ has: page.locator('#conversation-title') });
  const composerOf = (page: Page) => page.getByRole('form', { name: 'Write a reply' });

  /** The "why me" of the conversation open on the page: the assignment in its history, with its reasons. */
  async function whyMe(page: Page, person: string): Promise<string> {
    const assigned = conversationView(page).locator('[data-kind="assigned"]').filter({ hasText: `To ${person}` });
    await arrives(assigned, `the assignment to ${person} in the history`, UI_MS);
    const why = assigned.locator('details.timeline__why').filter({ has: page.locator('summary', { hasText: `Why ${person}?` }) });
    return why.innerText();
  }

  before(async () => {
    // On the real clock, so the reply's publishing time and the response times are today's.
    mastodon = await startMastodonTestServer({ now: () => new Date() });
    // The instance's tag timeline starts empty: the customer's status is the only post Herd hears there.
    mastodon.tagStatuses.splice(0);
    herd = await startDemoBrowserHerd({ allowHosts: ['127.0.0.1'] });
    const orgId = (await findOrganizationBySlug(herd.database.db, DEMO_ORG_SLUG))!.id;
    // Emma works round the clock here, so she is on shift whenever the test runs.
    const emma = (await findPersonByEmail(herd.database.db, orgId, VOLUNTEER))!;
    await updatePerson(herd.database.db, { passwordCost: 10 }, systemActor(orgId), emma.id, {
      workingHours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    const create = await adminApi(herd);
    const pushed = await create('/api/sources', { kind: 'webhook', name: 'Help desk', config: {}, matchMode: 'all' });
    webhook = { id: pushed.id, secret: String(pushed.config.secret) };
    await create('/api/sources', { kind: 'mastodon', name: `Mastodon #${TAG}`, config: { instanceUrl: mastodon.origin, mode: 'hashtag', value: TAG, accessToken: GOOD_TOKEN }, matchMode: 'all' });
    worker = startPipelineWorker(herd, { allowHosts: ['127.0.0.1'] });
    volunteer = await signInToDemo(herd.browser, herd.baseUrl, VOLUNTEER, openPages);
  });
  after(async () => {
    await worker?.stop();
    await herd?.close();
    await mastodon?.close();
  });

  it('routes a mention pushed through the signed webhook to the right volunteer, live, saying why her', () => photographedOnFailure(openPages, 'whole-loop-failed-webhook', async () => {
    await volunteer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await volunteer.getByRole('heading', { name: 'Inbox' }).waitFor();
    await volunteer.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: UI_MS });
    // Set in this document: still there after the conversation arrives means the page was never reloaded.
    await volunteer.evaluate('window.__sameDocument = true');

    const response = await pushSigned(herd.baseUrl, webhook, [ticket]);
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { stored: 1, duplicates: 0, ignored: 0, invalid: [] });

    const row = inboxRow(volunteer, ticket.title);
    await arrives(row, 'the pushed ticket in Emma\'s inbox');
    assert.equal(await volunteer.evaluate('window.__sameDocument'), true, 'the conversation arrived without a reload');
    await row.locator('.inbox-row__title').click();
    const view = conversationView(volunteer);
    await view.locator('#conversation-title').filter({ hasText: ticket.title }).waitFor({ timeout: UI_MS });
    assert.equal(await view.getByTestId('conversation-assignee').innerText(), 'Emma Clarke');
    assert.match(await view.innerText(), /Customer Service/);
    const why = await whyMe(volunteer, 'Emma Clarke');
    assert.match(why, /Billing skill, level 5/, 'why her: the category\'s skill at her level');
    assert.match(why, /speaks en/);
    await view.screenshot({ path: `${SCREENSHOTS}/whole-loop-why-me.png` });
  }));

  it('routes a Mastodon status live; the reply is fixed against the policy, approved by the PR lead and published on Mastodon', () => photographedOnFailure(openPages, 'whole-loop-failed-mastodon', async () => {
    await volunteer.goto(`${herd.baseUrl}/inbox`);
    await volunteer.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: UI_MS });
    await volunteer.evaluate('window.__sameDocument = true');
    await poll(() => mastodon.openStreams() > 0, PIPELINE_MS, () => `Herd never opened the hashtag stream. The worker reported: ${worker.errors.join('\n') || 'nothing'}`);
    mastodon.publish(complaint());

    const row = inboxRow(volunteer, 'support has ignored me');
    await arrives(row, 'the Mastodon status in Emma\'s inbox');
    assert.equal(await volunteer.evaluate('window.__sameDocument'), true, 'the conversation arrived without a reload');
    await volunteer.screenshot({ path: `${SCREENSHOTS}/whole-loop-inbox.png` });
    await row.locator('.inbox-row__title').click();
    const view = conversationView(volunteer);
    await view.locator('#conversation-title').filter({ hasText: 'support has ignored me' }).waitFor({ timeout: UI_MS });
    assert.match(await view.innerText(), /48K followers/, 'the author\'s reach is shown');
    assert.match(await whyMe(volunteer, 'Emma Clarke'), /Billing skill, level 5/);

    // A promise only Finance may make, and no word that she works at Acme: two warnings.
    const composer = composerOf(volunteer);
    const replyBox = composer.getByRole('textbox', { name: 'Your reply' });
    await replyBox.fill('So sorry, Ruth. We guarantee the second charge is refunded by Friday.');
    const warnings = composer.locator('.finding[data-severity="warn"]');
    await arrives(warnings.filter({ hasText: 'guarantee' }), 'the warning about "guarantee"', UI_MS);
    assert.equal(await warnings.count(), 2, await composer.innerText());
    assert.match(await composer.getByTestId('reply-publishing').innerText(), /Will be published on Mastodon once approved/);
    await composer.screenshot({ path: `${SCREENSHOTS}/whole-loop-composer-warning.png` });

    const disclosure = warnings.filter({ has: volunteer.getByRole('button', { name: 'Apply fix' }) }).filter({ hasNotText: 'guarantee' });
    await disclosure.getByRole('button', { name: 'Apply fix' }).click();
    await replyBox.fill((await replyBox.inputValue()).replace('We guarantee the second charge is refunded by Friday.', 'The second charge is on its way back to your card.'));
    await composer.getByRole('status').filter({ hasText: 'Nothing found against the policy.' }).waitFor({ timeout: UI_MS });
    assert.equal(await warnings.count(), 0, 'no warning is left');
    const reply = await replyBox.inputValue();
    assert.match(reply, /^So sorry, Ruth\. The second charge is on its way back to your card\. .*I work at Acme/);
    const risk = await composer.getByTestId('reply-risk').innerText();
    assert.match(risk, /Needs approval/);
    assert.match(risk, /48,200 followers/, 'high-risk for the customer\'s reach');
    const send = composer.getByRole('button', { name: 'Send reply' });
    await waitUntilEnabled(send);
    await send.click();
    const card = volunteer.locator('.reply-card').filter({ hasText: 'on its way back' });
    await card.getByTestId('reply-status').filter({ hasText: 'Waiting for approval' }).waitFor({ timeout: UI_MS });

    const lead = await signInToDemo(herd.browser, herd.baseUrl, PR_LEAD, openPages);
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await lead.getByRole('heading', { name: 'Approvals' }).waitFor();
    const waiting = lead.locator('.approval-card').filter({ hasText: 'on its way back' });
    await waiting.waitFor({ timeout: UI_MS });
    await waiting.getByText('support has ignored me').waitFor({ timeout: UI_MS });
    assert.match(await waiting.innerText(), /48,200 followers/, 'the PR lead sees why it waits for her');
    await lead.screenshot({ path: `${SCREENSHOTS}/whole-loop-approvals.png`, fullPage: true });
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await waiting.waitFor({ state: 'detached', timeout: UI_MS });
    await lead.context().close();

    await poll(() => mastodon.posted.length > 0, PIPELINE_MS, () => `nothing was posted on Mastodon. The worker reported: ${worker.errors.join('\n') || 'nothing'}`);
    assert.equal(mastodon.posted.length, 1, 'published once');
    const request = mastodon.requests.find((served) => served.method === 'POST' && served.path === '/api/v1/statuses')!;
    assert.equal(request.body?.in_reply_to_id, COMPLAINT_ID, 'a reply to the customer\'s status');
    assert.equal(request.body?.status, `@${influencer.acct} ${reply}`, 'her text, addressed to the customer');

    await arrives(card.getByTestId('reply-status').filter({ hasText: 'Published' }), 'the reply shown published');
    assert.equal(await card.getByRole('link', { name: /Open the post/ }).getAttribute('href'), mastodon.posted[0]!.url);
    assert.match(await card.innerText(), /Approved by Claire Dubois/);
    const replied = view.locator('[data-kind="replied"]').filter({ hasText: 'On mastodon' });
    await arrives(replied, 'the reply in the history', UI_MS);
    const recorded = /(\d+) min after the customer/.exec(await replied.innerText());
    assert.ok(recorded, 'the response time is recorded');
    minutesAfterCustomer = Number(recorded[1]);
    assert.equal(await volunteer.evaluate('window.__sameDocument'), true, 'everything arrived without a reload');
    await view.screenshot({ path: `${SCREENSHOTS}/whole-loop-published.png` });

    // The README's picture: Emma's inbox with the conversation open.
    await volunteer.setViewportSize({ width: 1280, height: 800 });
    await volunteer.evaluate('window.scrollTo(0, 0)');
    await volunteer.screenshot({ path: 'docs/screenshot.png' });
  }));

  it('shows the PR lead the first response time in insights, as the conversation recorded it', () => photographedOnFailure(openPages, 'whole-loop-failed-insights', async () => {
    assert.ok(minutesAfterCustomer !== undefined, 'the reply was published in the step before');
    const lead = await signInToDemo(herd.browser, herd.baseUrl, PR_LEAD, openPages);
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await lead.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    // The worker counts the answer into the rollups in its own time: look again until it shows.
    const answered = lead.getByTestId('figure-answered').locator('.insights-figure__value');
    const deadline = Date.now() + PIPELINE_MS;
    for (;;) {
      await lead.getByTestId('insights-response-times').locator('.insights-figures, .empty-state').first().waitFor({ timeout: UI_MS });
      if (await answered.filter({ hasText: /^1$/ }).count() === 1) break;
      if (Date.now() > deadline) throw new Error(`insights never showed the answer. The worker reported: ${worker.errors.join('\n') || 'nothing'}`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await lead.reload();
    }
    // Timed from when routing opened the conversation (just after the customer posted) to the answer going out.
    const shown = await lead.getByTestId('figure-first-response-mean').locator('time').getAttribute('datetime');
    const seconds = Number(/^PT(\d+)S$/.exec(shown ?? '')?.[1]);
    assert.ok(Math.abs(seconds / 60 - minutesAfterCustomer) <= 1, `insights' first response of ${seconds} s agrees with "${minutesAfterCustomer} min after the customer"`);
    assert.match(await lead.getByTestId('figure-first-response-median').innerText(), /\d+ (s|min)/);
    await lead.screenshot({ path: `${SCREENSHOTS}/whole-loop-insights.png`, fullPage: true });
    await lead.context().close();
  }));
});

/** Checks a condition every 200 ms until it holds, or fails with the message. */
async function poll(condition: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
