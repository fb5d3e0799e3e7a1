// A browser reads the insights dashboards of the Acme Retail demo. Posts are heard the
// real way (stored by listening, triaged, routed, counted by insights' jobs): three of
// today and two of 40 days ago, the period before. Two of today's conversations are
// answered after their customers waited 10 and 30 minutes (their opening is set back by
// that much), and the slower one is resolved. The analyst sees the mentions and the
// response times the database holds, the change since the period before, the numbers as
// tables, and downloads the response times as CSV; an error is shown with a retry; a
// custom range and the spoke picker change the numbers; a spoke lead sees their spoke
// only, without crises, and the page fits a phone; a volunteer has no insights.
// Screenshots: test-results/insights-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { DEMO_ORG_SLUG, DEMO_PASSWORD } from '../../src/demo/index.ts';
import { createGuardedHttp } from '../../src/connectors/index.ts';
import { runDueJobs } from '../../src/jobs/index.ts';
import { createSource, ingestPosts, type PostToStore } from '../../src/modules/listening/index.ts';
import { findOrganizationBySlug, findPersonByEmail, systemActor } from '../../src/modules/people/index.ts';
import { recordAnswer } from '../../src/modules/routing/index.ts';
import { modules } from '../../src/server/app.ts';
import { assertFitsWidth, chromiumMissing, photographedOnFailure, signInToDemo, startDemoBrowserHerd, type BrowserHerd } from './browser-herd.ts';

const ANALYST = 'analyst@acme-retail.example';
const SPOKE_LEAD = 'cs.lead@acme-retail.example';
const VOLUNTEER = 'emma.clarke@acme-retail.example';
const ADMIN = 'admin@acme-retail.example';
const UI_MS = 15_000;
const DAY_MS = 86_400_000;
/** How long the customers of the two answered conversations waited. */
const WAITS_MINUTES = [10, 30];
/** A median read from binned counts lies within one bin (about 26 % wide) of the exact time. */
const BIN_RATIO = 2 ** (1 / 3);

const openPages = new Set<Page>();

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const todayStart = () => Math.floor(Date.now() / DAY_MS) * DAY_MS;

const posts: PostToStore[] = [
  { externalId: 'insights-1', text: 'Acme charged me twice for my order and I still have no refund. Please sort out the billing.', language: 'en', createdAt: ago(6 * 60_000), author: { handle: '@rita.b', followers: 120 } },
  { externalId: 'insights-2', text: 'Refund for my returned Acme jacket has not arrived, my card was charged again.', language: 'en', createdAt: ago(5 * 60_000), author: { handle: '@omar_k', followers: 75 } },
  { externalId: 'insights-3', text: 'Lovely service from the Acme team on the phone today, thank you!', language: 'en', createdAt: ago(4 * 60_000), author: { handle: '@june.p', followers: 40 } },
  // The period before (the 30 days before the last 30).
  { externalId: 'insights-old-1', text: 'My Acme parcel came two days late and the box was crushed.', language: 'en', createdAt: ago(40 * DAY_MS), author: { handle: '@li.w', followers: 15 } },
  { externalId: 'insights-old-2', text: 'Acme delivery driver left my order in the rain again.', language: 'en', createdAt: ago(41 * DAY_MS), author: { handle: '@pete.s', followers: 22 } },
];

interface Created {
  orgId: string;
  /** Stored mentions posted in the last 30 days (the demo's and ours), and in the 30 before. */
  mentionsNow: number;
  mentionsBefore: number;
  conversationsOpened: number;
  /** Per answered conversation: seconds from opening to the first response, its spoke. */
  answered: { seconds: number; spokeName: string | null }[];
  resolvedSeconds: number;
  answererName: string;
  /** Raised by the crisis detectors as the posts were heard (none is expected of so few). */
  crisisAlerts: number;
}

type Rows<Row> = { rows: Row[] };
const rowsOf = async <Row,>(herd: BrowserHerd, query: ReturnType<typeof sql>) => ((await herd.database.db.execute(query)) as unknown as Rows<Row>).rows;

/** Runs every module's due jobs until none is left, as the worker would (triage, routing, insights' counting). */
async function drainJobs(herd: BrowserHerd): Promise<void> {
  const options = { db: herd.database.db, config: herd.config, http: createGuardedHttp({ allowHosts: [] }), definitions: modules.flatMap((module) => module.jobs ?? []), workerId: 'e2e-insights' };
  while (await runDueJobs(options) > 0);
}

/** The hub admin's API, for resolving a conversation as someone would in the inbox. */
async function resolveConversation(herd: BrowserHerd, conversationId: string): Promise<void> {
  const login = await herd.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN, password: DEMO_PASSWORD, organization: DEMO_ORG_SLUG } });
  assert.equal(login.statusCode, 200, login.body);
  const headers = { cookie: login.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '), 'x-csrf-token': login.json().csrfToken as string };
  const resolved = await herd.app.inject({ method: 'POST', url: `/api/conversations/${conversationId}/status`, headers, payload: { status: 'resolved' } });
  assert.equal(resolved.statusCode, 200, resolved.body);
}

/** Hears the posts, answers two of today's conversations after 10 and 30 minutes, resolves the slower; returns what the database now holds. */
async function createNumbers(herd: BrowserHerd): Promise<Created> {
  const { db } = herd.database;
  const orgId = (await findOrganizationBySlug(db, DEMO_ORG_SLUG))!.id;
  const source = await createSource(db, systemActor(orgId), { kind: 'file', name: 'E2E reviews', config: {}, matchMode: 'all' });
  const stored = await ingestPosts(db, { id: source.id, orgId, name: source.name, matchMode: 'all' }, posts);
  assert.equal(stored.mentionIds.length, posts.length);
  await drainJobs(herd);

  const recent = stored.mentionIds.slice(0, 2);
  const conversations = await rowsOf<{ conversation_id: string }>(herd, sql`
    select s.conversation_id from conversation_states s join mentions m on m.conversation_id = s.conversation_id
    where s.org_id = ${orgId} and m.id in (${sql.join(recent.map((id) => sql`${id}`), sql`, `)}) order by m.posted_at`);
  assert.equal(conversations.length, 2, 'both billing posts became conversations');
  const emma = (await findPersonByEmail(db, orgId, VOLUNTEER))!;
  for (const [index, { conversation_id: conversationId }] of conversations.entries()) {
    // As if the customer had waited this long since routing opened the conversation.
    await db.execute(sql`update conversation_states set created_at = created_at - make_interval(mins => ${WAITS_MINUTES[index]!}) where conversation_id = ${conversationId}`);
    await recordAnswer(db, orgId, conversationId, { replyId: randomUUID(), authorId: emma.id, publishedAt: new Date(), url: null, network: 'file' });
  }
  const slower = conversations[1]!.conversation_id;
  await resolveConversation(herd, slower);
  await drainJobs(herd);

  const times = await rowsOf<{ conversation_id: string; first_ms: number; resolved_ms: number | null; spoke: string | null }>(herd, sql`
    select s.conversation_id, extract(epoch from s.first_responded_at - s.created_at)::float8 * 1000 as first_ms,
      extract(epoch from s.resolved_at - s.created_at)::float8 * 1000 as resolved_ms, sp.name as spoke
    from conversation_states s left join spokes sp on sp.id = s.spoke_id where s.first_responded_at is not null and s.org_id = ${orgId}`);
  assert.equal(times.length, 2, 'only our two conversations are answered');
  const stamp = (ms: number) => new Date(ms).toISOString();
  const [now] = await rowsOf<{ count: number }>(herd, sql`select count(*)::int as count from mentions where org_id = ${orgId} and posted_at >= ${stamp(todayStart() - 29 * DAY_MS)}`);
  const [then] = await rowsOf<{ count: number }>(herd, sql`select count(*)::int as count from mentions where org_id = ${orgId} and posted_at >= ${stamp(todayStart() - 59 * DAY_MS)} and posted_at < ${stamp(todayStart() - 29 * DAY_MS)}`);
  const [opened] = await rowsOf<{ count: number }>(herd, sql`select count(*)::int as count from conversation_states where org_id = ${orgId}`);
  const [alerts] = await rowsOf<{ count: number }>(herd, sql`select count(*)::int as count from crisis_alerts where org_id = ${orgId}`);
  return {
    orgId, mentionsNow: now!.count, mentionsBefore: then!.count, conversationsOpened: opened!.count, answererName: emma.name, crisisAlerts: alerts!.count,
    answered: times.map((row) => ({ seconds: Math.round(row.first_ms / 1000), spokeName: row.spoke })),
    resolvedSeconds: Math.round(times.find((row) => row.conversation_id === slower)!.resolved_ms! / 1000),
  };
}

/** The seconds of a duration shown as <time datetime="PT…S">. */
async function secondsShown(where: Locator): Promise<number> {
  const duration = await where.locator('time').first().getAttribute('datetime', { timeout: UI_MS });
  const seconds = /^PT(\d+)S$/.exec(duration ?? '');
  assert.ok(seconds, `a duration is shown: ${duration}`);
  return Number(seconds[1]);
}

const figure = (page: Page, key: string) => page.getByTestId(`figure-${key}`);
const figureValue = async (page: Page, key: string) => (await figure(page, key).locator('.insights-figure__value').innerText({ timeout: UI_MS })).trim();
const panel = (page: Page, id: string) => page.getByTestId(`insights-${id}`);
const asNumber = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe('insights in the browser: numbers from real conversations, compared, as tables and CSV, scoped per role', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let created: Created;

  before(async () => {
    herd = await startDemoBrowserHerd();
    created = await createNumbers(herd);
  });
  after(async () => { await herd?.close(); });

  it('shows the analyst the response times and mentions the database holds, compared with the period before, as tables and as CSV', async () => {
    const page = await signInToDemo(herd.browser, herd.baseUrl, ANALYST, openPages);
    await photographedOnFailure(openPages, 'insights-failed-analyst', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
      await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      assert.match(await page.getByTestId('insights-range').innerText(), /\(30 days, UTC\), compared with the 30 days before/);

      // Response times: two conversations answered, after about 10 and 30 minutes.
      assert.equal(await figureValue(page, 'answered'), '2');
      assert.equal(asNumber(await figureValue(page, 'opened')), created.conversationsOpened);
      const seconds = created.answered.map((answer) => answer.seconds).sort((a, b) => a - b);
      const mean = Math.round((seconds[0]! + seconds[1]!) / 2);
      assert.equal(await secondsShown(figure(page, 'first-response-mean')), mean, 'the average first response is exact');
      assert.equal(await figureValue(page, 'first-response-mean'), `${Math.round(mean / 60)} min`);
      const median = await secondsShown(figure(page, 'first-response-median'));
      assert.ok(median >= seconds[0]! && median <= seconds[0]! * BIN_RATIO + 1, `the median ${median} s lies in the bin of the faster answer (${seconds[0]} s)`);
      const resolution = await secondsShown(figure(page, 'resolution-median'));
      assert.ok(Math.abs(Math.log(resolution / created.resolvedSeconds)) <= Math.log(BIN_RATIO), `resolution ${resolution} s is within a bin of ${created.resolvedSeconds} s`);
      // Nothing was answered the period before: no comparison for times, "new" for counts.
      assert.match(await figure(page, 'first-response-median').innerText(), /none before/);
      assert.match(await figure(page, 'answered').getByTestId('delta').innerText(), /▲\s*new vs 0 before/);
      await page.screenshot({ path: 'test-results/insights-responses.png', fullPage: true });

      // Per person, as a table: Emma answered both.
      const split = panel(page, 'response-times-split');
      await split.getByLabel('Per', { exact: true }).selectOption('person');
      await split.getByRole('button', { name: 'Show as table' }).click();
      const emmaRow = split.getByRole('row').filter({ hasText: created.answererName });
      await emmaRow.waitFor({ timeout: UI_MS });
      const headers = await split.getByRole('columnheader').allInnerTexts();
      const cells = await emmaRow.getByRole('cell').allInnerTexts();
      assert.equal(cells[headers.indexOf('First responses')], '2');
      assert.equal(cells[headers.indexOf('Replies')], '2');
      assert.equal(await secondsShown(emmaRow.getByRole('cell').nth(headers.indexOf('First response, average'))), mean);
      await split.screenshot({ path: 'test-results/insights-table.png' });
      // Over time: the median and 90th percentile as lines, day by day.
      await split.getByLabel('Per', { exact: true }).selectOption('day');
      await split.getByRole('button', { name: 'Show as chart' }).click();
      await split.getByRole('img', { name: /^Median first response per day: .+ \d+ min$/ }).waitFor({ timeout: UI_MS });
      await split.screenshot({ path: 'test-results/insights-over-time.png' });

      // Who answered: Customer Service, where Emma works.
      const participation = panel(page, 'participation');
      await participation.getByRole('listitem').filter({ hasText: 'Customer Service' }).filter({ hasText: '2 by 1 of' }).waitFor({ timeout: UI_MS });

      // The CSV of the response times: the server's header and today's row with the exact average.
      const summary = panel(page, 'response-times');
      const [download] = await Promise.all([page.waitForEvent('download'), summary.getByRole('link', { name: 'Download response times as CSV' }).click()]);
      const csv = (await readFile(await download.path())).toString('utf8').trim().split('\r\n');
      assert.equal(csv[0], [
        'period', 'from', 'to', 'key', 'name', 'opened', 'replies',
        ...['first_response', 'resolution'].flatMap((what) => ['count', 'mean_seconds', 'median_seconds', 'p90_seconds', 'sla_met', 'sla_missed', 'sla_attainment'].map((column) => `${what}_${column}`)),
      ].join(','));
      const current = csv.find((line) => line.startsWith('current,'))!.split(',');
      assert.deepEqual(current.slice(0, 10), ['current', dayOf(todayStart() - 29 * DAY_MS), dayOf(todayStart()), '', '', String(created.conversationsOpened), '2', '2', String(mean), String(median)]);
      assert.ok(csv.some((line) => line.startsWith(`previous,${dayOf(todayStart() - 59 * DAY_MS)},${dayOf(todayStart() - 30 * DAY_MS)},`)), 'the period before follows');

      // Mentions: every stored mention of the range (spam beside them), against the two of the period before.
      await page.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Mentions' }).click();
      const mentions = asNumber(await figureValue(page, 'mentions'));
      const spam = asNumber(/and (\d+) spam/.exec(await figure(page, 'mentions').innerText())![1]!);
      assert.equal(mentions + spam, created.mentionsNow, 'every mention posted in the range is counted');
      assert.equal(created.mentionsBefore, 2);
      const change = Math.round(((mentions - 2) / 2) * 100);
      assert.match(await figure(page, 'mentions').getByTestId('delta').innerText(), new RegExp(`▲\\s*\\+${change} % vs 2 before`));
      const volume = panel(page, 'volume');
      await volume.getByRole('img', { name: new RegExp(`^${mentions} mentions per day`) }).waitFor();
      await page.screenshot({ path: 'test-results/insights-mentions.png', fullPage: true });
      await volume.getByRole('button', { name: 'Show as table' }).click();
      const perDay = await volume.locator('tbody tr td:nth-child(2)').allInnerTexts();
      assert.ok(perDay.length > 0);
      assert.equal(perDay.reduce((sum, cell) => sum + asNumber(cell), 0), mentions, 'the table adds up to the figure');

      // A range of 50 days takes in the two older posts, and nothing came before it.
      await page.getByLabel('From').fill(dayOf(todayStart() - 49 * DAY_MS));
      await page.getByTestId('insights-range').filter({ hasText: '(50 days, UTC)' }).waitFor();
      await figure(page, 'mentions').locator('.insights-figure__value').filter({ hasText: new RegExp(`^${mentions + 2}$`) }).waitFor({ timeout: UI_MS });
      assert.match(page.url(), new RegExp(`from=${dayOf(todayStart() - 49 * DAY_MS)}`));
      // Without the comparison, no changes are shown.
      await page.getByLabel('Compare with the previous period').uncheck();
      await page.getByTestId('insights-range').filter({ hasNotText: 'compared' }).waitFor();
      await figure(page, 'mentions').getByTestId('delta').waitFor({ state: 'detached', timeout: UI_MS });

      // An error says what went wrong, and "Try again" asks again.
      await page.getByRole('button', { name: 'Last 30 days' }).click();
      await page.route('**/api/insights/share-of-voice**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'The database is busy.' } }) }));
      await page.reload();
      const voice = panel(page, 'share-of-voice');
      await voice.getByRole('alert').filter({ hasText: 'The database is busy.' }).waitFor({ timeout: UI_MS });
      await page.unroute('**/api/insights/share-of-voice**');
      await voice.getByRole('button', { name: 'Try again' }).click();
      await voice.getByRole('list', { name: 'Share of voice per topic' }).waitFor({ timeout: UI_MS });

      // Advocacy and crises: numbers or a plain "nothing in this period".
      await page.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Advocacy' }).click();
      await panel(page, 'advocacy').locator('.insights-figures, .empty-state').first().waitFor({ timeout: UI_MS });
      await page.screenshot({ path: 'test-results/insights-advocacy.png', fullPage: true });
      await page.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Crises' }).click();
      if (created.crisisAlerts === 0) await panel(page, 'crises').getByText('No crises or crisis alerts in this period.').waitFor({ timeout: UI_MS });
      else assert.equal(asNumber(await figureValue(page, 'crisis-alerts')), created.crisisAlerts);
      await page.screenshot({ path: 'test-results/insights-crises.png', fullPage: true });

      // The hub narrows to one spoke: the answers of Customer Service only.
      await page.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Responses' }).click();
      await page.getByLabel('Spoke', { exact: true }).selectOption({ label: 'Customer Service' });
      const inCustomerService = created.answered.filter((answer) => answer.spokeName === 'Customer Service').length;
      await figure(page, 'answered').locator('.insights-figure__value').filter({ hasText: new RegExp(`^${inCustomerService}$`) }).waitFor({ timeout: UI_MS });
    });
    await page.context().close();
  });

  it('shows a spoke lead their spoke only, without crises, and a volunteer no insights', async () => {
    const lead = await signInToDemo(herd.browser, herd.baseUrl, SPOKE_LEAD, openPages);
    await photographedOnFailure(openPages, 'insights-failed-spoke-lead', async () => {
      await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
      await lead.getByText('Spoke: Customer Service').waitFor({ timeout: UI_MS });
      const sections = await lead.getByRole('navigation', { name: 'Insights' }).getByRole('link').allInnerTexts();
      assert.deepEqual(sections, ['Responses', 'Mentions', 'Advocacy']);
      const inCustomerService = created.answered.filter((answer) => answer.spokeName === 'Customer Service').length;
      if (inCustomerService === 0) await panel(lead, 'response-times').getByText('No conversations in this period.').waitFor({ timeout: UI_MS });
      else assert.equal(await figureValue(lead, 'answered'), String(inCustomerService));
      await lead.screenshot({ path: 'test-results/insights-spoke-lead.png', fullPage: true });
      // On a phone the pickers and figures stack; charts and tables scroll inside their panels.
      await lead.setViewportSize({ width: 360, height: 800 });
      await assertFitsWidth(lead, 'the insights page at 360 px');
      await lead.screenshot({ path: 'test-results/insights-narrow.png', fullPage: true });
    });
    await lead.context().close();

    const volunteer = await signInToDemo(herd.browser, herd.baseUrl, VOLUNTEER, openPages);
    const nav = volunteer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inbox' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Insights' }).count(), 0);
    await volunteer.goto(`${herd.baseUrl}/insights`);
    await volunteer.getByText('Insights are for hub admins, PR leads, analysts and spoke leads.').waitFor({ timeout: UI_MS });
    await volunteer.context().close();
  });
});
