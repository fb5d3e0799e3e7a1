// Benchmark of insights on a PostgreSQL server: a year of an organization's work
// (1,000,000 and then 10,000,000 mentions, their conversations and replies, generated in
// SQL by generate-insights-data.ts) in a database of its own, made and dropped here.
// 1. The rollups are built the way they are kept: every mention goes through
//    countTriagedMentions and every conversation's milestones through
//    countConversationMilestones, in pages read back from the generated tables (mentions
//    and conversations at the same time, as two workers would).
// 2. Advocacy's numbers swept into their rollup: the first sweep (every day), then an hourly one.
// 3. Every dashboard question, 30 times each with varied ranges, spokes, topics and
//    comparisons, as the API asks them: p50 and p95 in milliseconds.
// 4. Steady state: how many mentions (and conversations' milestones) a second the rollups
//    keep up with, in the small batches the pipeline delivers, and through the job queue.
// Writes bench/results/insights.json; docs/benchmarks.md discusses it.
//
//   npm run bench:insights
//   BENCH_MENTIONS=200000 BENCH_RUNS=10 npm run bench:insights   # a quick one
//   DATABASE_URL=postgres://user@host:5432/postgres npm run bench:insights
//   BENCH_RESUME=1 BENCH_MENTIONS=10000000 npm run bench:insights   # carry on where a stopped run left off
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, migrateDatabase, type Database } from '../src/db/index.ts';
import { runDueJobs, publishEvent } from '../src/jobs/index.ts';
import { systemActor } from '../src/modules/people/index.ts';
import { mentionsTriaged, type TriagedMention } from '../src/modules/triage/index.ts';
import type { ConversationMilestone } from '../src/modules/routing/index.ts';
import { countConversationMilestones, countTriagedMentions, insightsJobs } from '../src/modules/insights/index.ts';
import {
  advocacyDashboard, backlogDashboard, crisesDashboard, participationDashboard, responseTimesDashboard, shareOfVoiceDashboard, slaDashboard, volumeDashboard,
  type TableQuery,
} from '../src/modules/insights/insights-dashboards.ts';
import { sweepAdvocacy } from '../src/modules/insights/sweep-advocacy.ts';
import { SeededRandom } from './generate-listening-data.ts';
import { describeMachine, loadAverages } from './machine.ts';
import { describeGeneratedData, generateInsightsData, type GeneratedInsightsData } from './generate-insights-data.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const sizes = (process.env.BENCH_MENTIONS ?? '1000000,10000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DATABASE = 'herd_bench_insights';
/** Carry on in the database a stopped run left (BENCH_KEEP, or killed): its data, and the rollups it had built. */
const RESUME = Boolean(process.env.BENCH_RESUME);
const RESULTS = 'bench/results/insights.json';
const MENTION_PAGE = 5000;
const CONVERSATION_PAGE = 2000;
/** What the pipeline hands over at a time under load: a triaged batch, or the milestones of a routed slice. */
const SMALL_BATCH = 100;
const STEADY_MENTIONS = 30_000;
const STEADY_CONVERSATIONS = 6000;
const TARGET = { queryP95Ms: 200, rollupMentionsPerSecond: 1000 };
const log = (line: string) => process.stderr.write(`${line}\n`);

const databaseUrl = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try { return await work(client); } finally { await client.end(); }
}

interface MentionRow { id: string; conversation_id: string; seq: string; posted_at: Date; topic_ids: string[]; sentiment: TriagedMention['sentiment']; place_spoke_id: string | null; spam: boolean }

const triaged = (data: GeneratedInsightsData, row: MentionRow): TriagedMention => ({
  id: row.id, conversationId: row.conversation_id, sourceId: data.sourceId, seq: Number(row.seq), title: null, text: '', authorHandle: null, authorFollowers: null,
  postedAt: row.posted_at.toISOString(), topicIds: row.topic_ids, language: 'en', sentiment: row.sentiment, categoryId: null, categoryName: null,
  urgency: 0, placeSpokeId: row.place_spoke_id, spam: row.spam,
});

/** Reads pages of `fetch` while the previous page is being counted. */
async function pipelined<Page>(fetch: (after: string) => Promise<{ page: Page; last: string } | null>, count: (page: Page) => Promise<void>, first: string) {
  let next = fetch(first);
  for (;;) {
    const current = await next;
    if (!current) return;
    next = fetch(current.last);
    await count(current.page);
  }
}

/** The highest arrival number counted so far: mentions are counted in that order, a page per transaction. */
async function countedUpTo(reader: pg.Client, orgId: string): Promise<string> {
  const { rows } = await reader.query<{ seq: string | null }>(`select max(m.seq)::text as seq from insights_counted c join mentions m on m.id = c.ref
    where c.org_id = $1 and c.kind = 1`, [orgId]);
  return rows[0]!.seq ?? '0';
}

async function buildMentionRollups(db: Database, reader: pg.Client, data: GeneratedInsightsData) {
  const after = await countedUpTo(reader, data.orgId);
  const started = performance.now();
  let done = 0;
  await pipelined(async (after) => {
    const { rows } = await reader.query<MentionRow>(`select m.id, m.conversation_id, m.seq, m.posted_at, m.topic_ids, t.sentiment, t.place_spoke_id, t.spam
      from mentions m join mention_triage t on t.mention_id = m.id where m.org_id = $1 and m.seq > $2 order by m.seq limit ${MENTION_PAGE}`, [data.orgId, after]);
    return rows.length === 0 ? null : { page: rows, last: rows.at(-1)!.seq };
  }, async (rows) => {
    await countTriagedMentions(db, data.orgId, rows.map((row) => triaged(data, row)));
    done += rows.length;
    if (done % 500_000 < MENTION_PAGE) log(`  mentions counted: ${done.toLocaleString('en')} (${perSecond(done, performance.now() - started).toLocaleString('en')}/s)`);
  }, after);
  const ms = performance.now() - started;
  return { mentions: done, seconds: Math.round(ms / 100) / 10, mentionsPerSecond: perSecond(done, ms) };
}

interface ConversationRow { conversation_id: string; created_at: Date; first_responded_at: Date | null; resolved_at: Date | null; assignee_id: string | null; reply_id: string | null; author_id: string | null }

/** The milestones routing published over a conversation's life: routed, answered (reply and waiting), resolved. */
function milestonesOf(row: ConversationRow): ConversationMilestone[] {
  const milestone = (kind: ConversationMilestone['kind'], at: Date, extra: Partial<ConversationMilestone> = {}): ConversationMilestone =>
    ({ conversationId: row.conversation_id, kind, at: at.toISOString(), personId: null, replyId: null, status: null, ...extra });
  return [
    milestone('routed', row.created_at),
    ...(row.reply_id && row.first_responded_at ? [milestone('replied', row.first_responded_at, { personId: row.author_id, replyId: row.reply_id })] : []),
    ...(row.first_responded_at ? [milestone('status', row.first_responded_at, { status: 'waiting' })] : []),
    ...(row.resolved_at ? [milestone('status', row.resolved_at, { status: 'resolved', personId: row.assignee_id })] : []),
  ];
}

/** Pages of conversations in the order they opened (the generator's numbering), as routing would have published their milestones. */
const conversationPage = (reader: pg.Client, size: number) => async (after: string) => {
  const { rows } = await reader.query<ConversationRow & { n: number }>(`select c.n, cs.conversation_id, cs.created_at, cs.first_responded_at, cs.resolved_at, cs.assignee_id, r.reply_id, r.author_id
    from b_conversations c join conversation_states cs on cs.conversation_id = c.id left join b_reply_of r on r.conversation_id = c.id
    where c.n > $1 order by c.n limit ${size}`, [after]);
  return rows.length === 0 ? null : { page: rows, last: String(rows.at(-1)!.n) };
};

async function buildConversationRollups(db: Database, reader: pg.Client, data: GeneratedInsightsData) {
  await reader.query('create temp table b_reply_of as select conversation_id, id as reply_id, author_id from replies where org_id = $1', [data.orgId]);
  await reader.query('alter table b_reply_of add primary key (conversation_id)');
  const started = performance.now();
  let conversations = 0;
  let milestones = 0;
  await pipelined(conversationPage(reader, CONVERSATION_PAGE), async (rows) => {
    const batch = rows.flatMap(milestonesOf);
    await countConversationMilestones(db, data.orgId, batch);
    conversations += rows.length;
    milestones += batch.length;
    if (conversations % 250_000 < CONVERSATION_PAGE) log(`  conversations counted: ${conversations.toLocaleString('en')} (${perSecond(conversations, performance.now() - started).toLocaleString('en')}/s)`);
  }, '-1');
  const ms = performance.now() - started;
  return { conversations, milestones, seconds: Math.round(ms / 100) / 10, conversationsPerSecond: perSecond(conversations, ms), milestonesPerSecond: perSecond(milestones, ms) };
}

/** New mentions as triage would hand them over now: small batches, straight to the counting step, then through the job queue. */
async function steadyMentions(db: Database, data: GeneratedInsightsData, random: SeededRandom) {
  const fresh = (): TriagedMention => ({
    id: randomUUID(), conversationId: randomUUID(), sourceId: data.sourceId, seq: 0, title: null, text: '', authorHandle: null, authorFollowers: null,
    postedAt: new Date(Date.now() - random.int(3600_000)).toISOString(), topicIds: [data.topicIds[Math.floor(data.topicIds.length * random.next() ** 2)]!],
    language: 'en', sentiment: random.pick(['negative', 'neutral', 'positive'] as const), categoryId: null, categoryName: null, urgency: 0,
    placeSpokeId: random.chance(0.3) ? random.pick(data.storeIds) : null, spam: random.chance(0.03),
  });
  const batches = () => Array.from({ length: STEADY_MENTIONS / SMALL_BATCH }, () => Array.from({ length: SMALL_BATCH }, fresh));
  let started = performance.now();
  for (const batch of batches()) await countTriagedMentions(db, data.orgId, batch);
  const direct = perSecond(STEADY_MENTIONS, performance.now() - started);
  for (const batch of batches()) await db.transaction((tx) => publishEvent(tx, mentionsTriaged, { mentions: batch }, { orgId: data.orgId }));
  started = performance.now();
  while (await runDueJobs({ db, definitions: insightsJobs, workerId: 'bench' }) > 0);
  return { batch: SMALL_BATCH, mentions: STEADY_MENTIONS, countingStepPerSecond: direct, throughJobQueuePerSecond: perSecond(STEADY_MENTIONS, performance.now() - started) };
}

/** Conversations counted again as if their milestones arrived now, a routed slice at a time (their claims are removed first). */
async function steadyMilestones(db: Database, reader: pg.Client, data: GeneratedInsightsData) {
  const { rows } = await reader.query<{ conversation_id: string }>('select conversation_id from conversation_states where org_id = $1 order by created_at desc limit $2', [data.orgId, STEADY_CONVERSATIONS]);
  await reader.query('delete from insights_counted where org_id = $1 and kind in (2, 3, 4) and ref = any($2::uuid[])', [data.orgId, rows.map((row) => row.conversation_id)]);
  await reader.query('delete from insights_counted where org_id = $1 and kind = 5 and ref in (select reply_id from b_reply_of where conversation_id = any($2::uuid[]))', [data.orgId, rows.map((row) => row.conversation_id)]);
  const conversations = (await reader.query<ConversationRow>(`select cs.conversation_id, cs.created_at, cs.first_responded_at, cs.resolved_at, cs.assignee_id, r.reply_id, r.author_id
    from conversation_states cs left join b_reply_of r on r.conversation_id = cs.conversation_id where cs.conversation_id = any($1::uuid[])`, [rows.map((row) => row.conversation_id)])).rows;
  const perSlice = 30;
  let milestones = 0;
  const started = performance.now();
  for (let at = 0; at < conversations.length; at += perSlice) {
    const batch = conversations.slice(at, at + perSlice).flatMap(milestonesOf);
    milestones += batch.length;
    await countConversationMilestones(db, data.orgId, batch);
  }
  const ms = performance.now() - started;
  return { conversationsPerSlice: perSlice, conversations: conversations.length, conversationsPerSecond: perSecond(conversations.length, ms), milestonesPerSecond: perSecond(milestones, ms) };
}

interface Question { name: string; ask(db: Database, variant: Variant): Promise<unknown> }
interface Variant { from: string; to: string; days: number; compare?: 'previous'; spokeId?: string; topicIds?: string[] }

const dayText = (at: Date) => at.toISOString().slice(0, 10);

/** Ranges people look at: the last week, month, quarter or year, a calendar month, a fortnight; with or without a comparison, a spoke, topics. */
function variantsOf(data: GeneratedInsightsData, random: SeededRandom, count: number, maxDays = 365): Variant[] {
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  return Array.from({ length: count }, () => {
    const days = Math.min(maxDays, random.pick([7, 14, 30, 30, 91, 365]));
    const end = today - (days === 365 ? 0 : random.int(365 - days)) * 86_400_000;
    return {
      from: dayText(new Date(end - (days - 1) * 86_400_000)), to: dayText(new Date(end)), days,
      ...(random.chance(0.5) && { compare: 'previous' as const }),
      ...(random.chance(0.5) && { spokeId: random.pick(data.spokeIds) }),
      ...(random.chance(0.3) && { topicIds: [random.pick(data.topicIds), random.pick(data.topicIds), random.pick(data.topicIds)].filter((id, i, all) => all.indexOf(id) === i) }),
    };
  });
}

function questionsFor(data: GeneratedInsightsData): Question[] {
  const hub = systemActor(data.orgId);
  const scoped = (v: Variant) => ({ from: v.from, to: v.to, compare: v.compare, spokeId: v.spokeId });
  /** The API's defaults: the first page of 50 people for by=person. */
  const table = (v: Variant, by: TableQuery['by']) => ({ ...scoped(v), by, limit: 50, offset: 0 });
  return [
    { name: 'volume (day)', ask: (db, v) => volumeDashboard(db, hub, { ...scoped(v), interval: 'day', topicIds: v.topicIds }) },
    { name: 'volume (hour)', ask: (db, v) => volumeDashboard(db, hub, { ...scoped(v), interval: 'hour', topicIds: v.topicIds }) },
    { name: 'volume (week, per topic)', ask: (db, v) => volumeDashboard(db, hub, { ...scoped(v), interval: 'week', topicIds: v.topicIds ?? data.topicIds.slice(0, 4) }) },
    { name: 'share of voice', ask: (db, v) => shareOfVoiceDashboard(db, hub, { ...scoped(v), topicIds: v.topicIds }) },
    { name: 'response times (overall)', ask: (db, v) => responseTimesDashboard(db, hub, table(v, 'org')) },
    { name: 'response times (per spoke)', ask: (db, v) => responseTimesDashboard(db, hub, table(v, 'spoke')) },
    { name: 'response times (per person)', ask: (db, v) => responseTimesDashboard(db, hub, table(v, 'person')) },
    { name: 'response times (per week)', ask: (db, v) => responseTimesDashboard(db, hub, table(v, 'week')) },
    { name: 'SLA attainment (per spoke)', ask: (db, v) => slaDashboard(db, hub, table(v, 'spoke')) },
    { name: 'participation by department', ask: (db, v) => participationDashboard(db, hub, scoped(v)) },
    { name: 'backlog and age', ask: (db, v) => backlogDashboard(db, hub, { spokeId: v.spokeId }) },
    { name: 'advocacy', ask: (db, v) => advocacyDashboard(db, hub, scoped(v)) },
    { name: 'crises per month', ask: (db, v) => crisesDashboard(db, hub, { from: v.from, to: v.to, compare: v.compare, topicIds: v.topicIds }) },
  ];
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const rounded = (ms: number) => Math.round(ms * 10) / 10;

async function timeQuestions(db: Database, data: GeneratedInsightsData) {
  const random = new SeededRandom(7);
  const timings: Record<string, { runs: number; p50: number; p95: number; max: number; withComparison: number }> = {};
  for (const question of questionsFor(data)) {
    const variants = variantsOf(data, random, RUNS + 3, question.name === 'volume (hour)' ? 14 : 365);
    for (const warmUp of variants.slice(0, 3)) await question.ask(db, warmUp);
    const times: number[] = [];
    for (const variant of variants.slice(3)) {
      const started = performance.now();
      await question.ask(db, variant);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    timings[question.name] = { runs: times.length, p50: rounded(percentile(times, 0.5)), p95: rounded(percentile(times, 0.95)), max: rounded(times.at(-1)!), withComparison: variants.slice(3).filter((v) => v.compare).length };
    log(`  ${question.name}: p50 ${timings[question.name]!.p50} ms, p95 ${timings[question.name]!.p95} ms`);
  }
  return timings;
}

async function rollupSizes(reader: pg.Client) {
  const { rows } = await reader.query<{ name: string; rows: string; bytes: string }>(`select c.relname as name, c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes
    from pg_class c where c.relname in ('insights_mention_counts', 'insights_conversation_counts', 'insights_response_histograms', 'insights_advocacy_days', 'insights_counted') order by 1`);
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), megabytes: Math.round(Number(row.bytes) / 1_048_576) }]));
}

async function runSize(mentions: number) {
  log(`\n${mentions.toLocaleString('en')} mentions${RESUME ? ' (resumed)' : ''}`);
  if (!RESUME) {
    await withAdmin(async (admin) => {
      await admin.query(`drop database if exists ${DATABASE}`);
      await admin.query(`create database ${DATABASE}`);
    });
  }
  const database = await openDatabase({ driver: 'postgres', url: databaseUrl(DATABASE), poolSize: 4 });
  const reader = new pg.Client({ connectionString: databaseUrl(DATABASE) });
  try {
    // A resumed database was migrated by the run that made it (and the migrations may have been squashed since).
    if (!RESUME) await migrateDatabase(database);
    await reader.connect();
    const started = performance.now();
    log(RESUME ? 'reading what was generated:' : 'generating (SQL):');
    const data = RESUME ? await describeGeneratedData(reader) : await generateInsightsData(reader, mentions, log);
    const { rows: [check] } = await reader.query<{ n: string }>(`select count(*) as n from mentions where org_id = $1 and external_id <> 'b' || (seq - 1)`, [data.orgId]);
    if (Number(check!.n) !== 0) throw new Error('the generated mentions are out of order');
    log(`  ${data.mentions.toLocaleString('en')} mentions, ${data.conversations.toLocaleString('en')} conversations, ${data.replies.toLocaleString('en')} replies`);
    log('building the rollups through the counting steps:');
    // Both at once, as the workers would: mentions read through a second connection (the first holds the generator's tables).
    const mentionReader = new pg.Client({ connectionString: databaseUrl(DATABASE) });
    await mentionReader.connect();
    const [mentionRollups, conversationRollups] = await Promise.all([
      buildMentionRollups(database.db, mentionReader, data).finally(() => mentionReader.end()),
      buildConversationRollups(database.db, reader, data),
    ]);
    const sweepStarted = performance.now();
    const advocacyRows = await sweepAdvocacy(database.db, data.orgId);
    const firstSweepMs = performance.now() - sweepStarted;
    const windowStarted = performance.now();
    await sweepAdvocacy(database.db, data.orgId);
    const advocacySweep = { rows: advocacyRows, firstSweepSeconds: Math.round(firstSweepMs / 100) / 10, hourlySweepMs: Math.round(performance.now() - windowStarted) };
    log(`  advocacy swept: ${advocacyRows} day-and-sharer rows in ${advocacySweep.firstSweepSeconds} s, then ${advocacySweep.hourlySweepMs} ms an hour`);
    await reader.query('vacuum analyze insights_mention_counts, insights_conversation_counts, insights_response_histograms, insights_counted, insights_advocacy_days');
    const sizes = await rollupSizes(reader);
    log('dashboard questions:');
    const queries = await timeQuestions(database.db, data);
    log('steady state:');
    const random = new SeededRandom(11);
    const steady = { mentions: await steadyMentions(database.db, data, random), milestones: await steadyMilestones(database.db, reader, data) };
    log(`  mentions: ${steady.mentions.countingStepPerSecond}/s in batches of ${SMALL_BATCH}, ${steady.mentions.throughJobQueuePerSecond}/s through the job queue; conversations: ${steady.milestones.conversationsPerSecond}/s`);
    return {
      mentions: data.mentions, conversations: data.conversations, replies: data.replies, generationSeconds: data.seconds, resumed: RESUME,
      rollupBuild: { mentions: mentionRollups, conversations: conversationRollups, advocacy: advocacySweep }, rollupTables: sizes, steady, queries,
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await reader.end().catch(() => {});
    await database.close();
    if (!process.env.BENCH_KEEP) await withAdmin((admin) => admin.query(`drop database if exists ${DATABASE}`));
  }
}

function writeReport(results: Awaited<ReturnType<typeof runSize>>[], server: string, loadBefore: number[]) {
  const slowest = Math.max(...results.flatMap((result) => Object.values(result.queries).map((timing) => timing.p95)));
  const keptUp = Math.min(...results.map((result) => result.steady.mentions.countingStepPerSecond));
  const report = {
    benchmark: 'insights', driver: 'postgres', server, unit: 'milliseconds (times), per second (rates)', runsPerQuestion: RUNS, target: TARGET,
    sizesDone: results.map((result) => result.mentions),
    targetMet: { queries: slowest < TARGET.queryP95Ms, rollups: keptUp >= TARGET.rollupMentionsPerSecond },
    results, machine: describeMachine(loadBefore),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${RESULTS} (slowest p95 ${slowest} ms, rollups ${keptUp} mentions/s)`);
}

/** A run keeps the last report's results for the sizes it was not asked to measure. */
function earlierResults(): Awaited<ReturnType<typeof runSize>>[] {
  if (!existsSync(RESULTS)) return [];
  const asked = new Set(sizes.map((size) => Math.round(size / 100_000)));
  return (JSON.parse(readFileSync(RESULTS, 'utf8')) as { results: Awaited<ReturnType<typeof runSize>>[] }).results
    .filter((result) => !asked.has(Math.round(result.mentions / 100_000)));
}

async function main() {
  const loadBefore = loadAverages();
  const server = await withAdmin(async (admin) => (await admin.query<{ version: string }>('select version()')).rows[0]!.version);
  const results = earlierResults();
  // Written after each size: a long run that is stopped keeps what it measured.
  for (const mentions of sizes) {
    results.push(await runSize(mentions));
    writeReport(results, server, loadBefore);
  }
}

await main();
