// A year of an organization's social-media work, generated in SQL (generate_series, one
// session, a fixed seed) for the insights benchmark: 30 stores and 10 departments with
// 600 people, 12 listening topics, about `mentions` mentions in conversations of three,
// triaged, routed and mostly answered and resolved, their replies, 20,000 advocacy
// shares with their clicks, and a few crisis alerts. Skewed as real programmes are:
// volume grows over the year, dips at weekends and spikes on a few days; most posts come
// by day; a few topics and stores take most of the volume; response times are
// log-normal (median about 20 minutes, a long tail of days).
//
// Writes straight into the modules' tables: the point is a database the size of a big
// customer's, quickly. Foreign-key triggers are off while it loads, and the secondary
// indexes insights never reads (full-text, near-duplicate bands, authors…) are left out.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface GeneratedInsightsData {
  orgId: string;
  sourceId: string;
  spokeIds: string[];
  storeIds: string[];
  topicIds: string[];
  /** The people of the spokes (not the hub's). */
  personIds: string[];
  mentions: number;
  conversations: number;
  replies: number;
  /** The first day of the year generated (UTC midnight). */
  start: Date;
  /** Seconds each step took. */
  seconds: Record<string, number>;
}

export const STORES = 30;
const DEPARTMENTS = 10;
const TOPICS = 12;
const SHARES = 20_000;

/** Indexes of the tables loaded here that insights' reads do not use: dropped before the load, for speed. */
const UNUSED_INDEXES = [
  'mentions_once_per_source', 'mentions_conversation', 'mentions_reply_lookup', 'mentions_topics', 'mentions_author', 'mentions_search',
  'mention_triage_org_category', 'mention_triage_org_urgency', 'mention_triage_duplicate_of',
  'mention_triage_band0', 'mention_triage_band1', 'mention_triage_band2', 'mention_triage_band3',
  'conversations_org_last', 'conversation_states_assignee', 'conversation_states_due', 'conversation_states_author', 'conversation_states_last_assigned',
  'replies_org_status', 'replies_conversation', 'replies_author',
];
/** Dropped too, and built again once the rows are in (faster than keeping them up to date row by row). */
const REBUILT_INDEXES = {
  mentions_org_seq: 'create index mentions_org_seq on mentions (org_id, seq)',
  conversation_states_spoke: 'create index conversation_states_spoke on conversation_states (org_id, spoke_id, status)',
};

export async function generateInsightsData(client: pg.Client, mentions: number, log: (line: string) => void): Promise<GeneratedInsightsData> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, statements: string[]) => {
    const started = performance.now();
    for (const statement of statements) await client.query(statement);
    seconds[name] = Math.round((performance.now() - started) / 100) / 10;
    log(`  ${name}: ${seconds[name]} s`);
  };
  const orgId = randomUUID();
  const sourceId = randomUUID();
  const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 364 * 86_400_000);
  const from = `'${start.toISOString()}'::timestamptz`;

  await step('setup', [
    'set session_replication_role = replica', 'set synchronous_commit = off', "set work_mem = '256MB'", "set maintenance_work_mem = '1GB'",
    'set max_parallel_workers_per_gather = 0', 'select setseed(0.42)',
    ...[...UNUSED_INDEXES, ...Object.keys(REBUILT_INDEXES)].map((index) => `drop index if exists ${index}`),
  ]);
  await step('organization, spokes, people, topics', [
    `insert into organizations (id, slug, name) values ('${orgId}', 'bench-retail', 'Bench Retail')`,
    `create temp table b_spokes as select i, gen_random_uuid() as id from generate_series(0, ${STORES + DEPARTMENTS - 1}) i`,
    `insert into spokes (id, org_id, kind, name) select id, '${orgId}', (case when i < ${STORES} then 'store' else 'department' end)::spoke_kind,
      case when i < ${STORES} then format('Store %s', i) else format('Department %s', i - ${STORES}) end from b_spokes`,
    // Stores have 10 people each, departments 30; the first of each leads it; seven people run the hub.
    `create temp table b_people as select p, gen_random_uuid() as id,
      case when p < 300 then p / 10 when p < 600 then ${STORES} + (p - 300) / 30 end as spoke from generate_series(0, 606) p`,
    `insert into people (id, org_id, name, email) select id, '${orgId}', format('Person %s', p), format('p%s@bench.test', p) from b_people`,
    `insert into memberships (org_id, person_id, spoke_id, role) select '${orgId}', bp.id, s.id,
      (case when (p < 300 and p % 10 = 0) or (p >= 300 and (p - 300) % 30 = 0) then 'spoke_lead' else 'volunteer' end)::role
      from b_people bp join b_spokes s on s.i = bp.spoke`,
    `insert into memberships (org_id, person_id, spoke_id, role) select '${orgId}', id, null,
      (case when p < 603 then 'hub_admin' when p < 605 then 'pr_lead' else 'analyst' end)::role from b_people where p >= 600`,
    `create temp table b_topics as select t, gen_random_uuid() as id from generate_series(0, ${TOPICS - 1}) t`,
    `insert into topics (id, org_id, name, query) select id, '${orgId}', format('Topic %s', t), format('topic%s', t) from b_topics`,
    `insert into sources (id, org_id, kind, name, match_mode) values ('${sourceId}', '${orgId}', 'file', 'Bench', 'all')`,
  ]);
  await step('days and conversations', [
    // Growth over the year, quieter weekends, four spike days, and day-to-day noise.
    `create temp table b_days as select d, w / sum(w) over () as share from (
      select d, (1 + d / 365.0) * (case extract(isodow from ${from} + d * interval '1 day') when 6 then 0.7 when 7 then 0.6 else 1 end)
        * (case when d in (60, 150, 240, 330) then 4 else 1 end) * (0.85 + 0.3 * random()) as w
      from generate_series(0, 364) d) x`,
    `create temp table b_conversations as select (row_number() over (order by d, k) - 1)::int as n, gen_random_uuid() as id,
      ${from} + d * interval '1 day' + (case when random() < 0.85 then 7 + 16 * random() else 24 * random() end) * interval '1 hour' as started_at,
      floor(${TOPICS} * power(random(), 2.2))::int as topic, case when random() < 0.3 then floor(${STORES} * power(random(), 1.8))::int end as store,
      -- log-normal response and resolution times (Box-Muller), in seconds
      least(20 * 86400, greatest(30, exp(ln(1200) + 1.4 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))) as first_response,
      exp(ln(6 * 3600) + 1.2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) as resolution_after
      from b_days, generate_series(1, greatest(1, round(${mentions / 3} * share))::int) k`,
    'alter table b_conversations add primary key (n)',
    `insert into conversations (id, org_id, source_id, started_at, last_mention_at, mention_count)
      select id, '${orgId}', '${sourceId}', started_at, started_at + interval '40 minutes', 3 from b_conversations order by n`,
  ]);
  await step('mentions', [
    `insert into mentions (org_id, source_id, external_id, conversation_id, text, posted_at, received_at, topic_ids)
      select '${orgId}', '${sourceId}', 'b' || (3 * c.n + j), c.id, 'A bench mention', c.started_at + j * interval '20 minutes', c.started_at + j * interval '20 minutes',
        case when random() < 0.1 then array[t.id, t2.id] else array[t.id] end
      from b_conversations c cross join generate_series(0, 2) j join b_topics t on t.t = c.topic join b_topics t2 on t2.t = (c.topic + 1) % ${TOPICS}
      order by c.n, j`,
    REBUILT_INDEXES.mentions_org_seq,
  ]);
  await step('triage', [
    `insert into mention_triage (mention_id, org_id, language, language_confidence, sentiment, sentiment_score, sentiment_confidence, sentiment_reasons,
        urgency, urgency_reasons, place_spoke_id, spam, spam_reasons, posted_at)
      select m.id, m.org_id, 'en', 0.9, (case when r < 0.16 + 0.04 * (c.topic % 4) then 'negative' when r < 0.7 then 'neutral' else 'positive' end)::sentiment_label,
        0, 0.8, '[]', 0, '[]', s.id, random() < 0.03, '[]', m.posted_at
      from (select *, random() as r from mentions) m join b_conversations c on c.n = ((m.seq - 1) / 3)::int
        left join b_spokes s on s.i = c.store`,
  ]);
  await step('routing', [
    `create temp table b_clocks as select n, started_at + interval '1 minute' as opened_at,
      started_at + interval '1 minute' + first_response * interval '1 second' as answered_at,
      started_at + interval '1 minute' + (first_response + resolution_after) * interval '1 second' as resolved_at from b_conversations`,
    'alter table b_clocks add primary key (n)',
    // Answered and resolved when those times have passed; until then open (a tenth of them in the spoke's queue) or waiting.
    `insert into conversation_states (conversation_id, org_id, status, spoke_id, assignee_id, assigned_at, priority, handled_seq, last_customer_at,
        first_response_due_at, resolution_due_at, first_responded_at, resolved_at, created_at, updated_at)
      select c.id, '${orgId}',
        (case when k.answered_at > now() then (case when c.n % 10 = 0 then 'new' else 'assigned' end) when k.resolved_at > now() then 'waiting' else 'resolved' end)::conversation_status,
        s.id, case when k.answered_at > now() and c.n % 10 = 0 then null else p.id end, k.opened_at, 'normal', 3 * c.n + 3, c.started_at + interval '40 minutes',
        k.opened_at + interval '60 minutes', k.opened_at + interval '1 day',
        case when k.answered_at <= now() then k.answered_at end, case when k.resolved_at <= now() then k.resolved_at end, k.opened_at, k.opened_at
      from b_conversations c join b_clocks k on k.n = c.n join b_spokes s on s.i = coalesce(c.store, ${STORES} + c.topic % ${DEPARTMENTS})
        join b_people p on p.p = case when s.i < ${STORES} then s.i * 10 + c.n % 10 else 300 + (s.i - ${STORES}) * 30 + c.n % 30 end`,
    REBUILT_INDEXES.conversation_states_spoke,
  ]);
  await step('replies', [
    `insert into replies (org_id, conversation_id, in_reply_to_mention_id, author_id, text, network, status, risk_tier, policy_version, customer_last_seen_at, published_at, created_at, updated_at)
      select cs.org_id, cs.conversation_id, m.id, cs.assignee_id, 'Thanks for telling us; we are on it.', 'file', 'published', 'low', 1, cs.last_customer_at,
        cs.first_responded_at, cs.first_responded_at, cs.first_responded_at
      from conversation_states cs join b_conversations c on c.id = cs.conversation_id join mentions m on m.org_id = cs.org_id and m.seq = 3 * c.n + 1
      where cs.first_responded_at is not null and cs.assignee_id is not null`,
  ]);
  await step('advocacy and crises', [
    `create temp table b_stories as select i, gen_random_uuid() as id from generate_series(0, 39) i`,
    `insert into stories (id, org_id, url, title, status, origin) select id, '${orgId}', format('https://bench.example/story/%s', i), format('Story %s', i), 'live', 'hub' from b_stories`,
    `create temp table b_shares as select i, gen_random_uuid() as id, ${from} + random() * interval '364 days' as at, floor(random() * 600)::int as person,
      floor(40 * power(random(), 1.5))::int as story from generate_series(0, ${SHARES - 1}) i`,
    `insert into shares (id, org_id, story_id, person_id, text, network, status, link_code, reach, policy_version, published_at, created_at, updated_at)
      select sh.id, '${orgId}', st.id, p.id, 'Look at this', 'mastodon', 'published', 'bench' || sh.i, 100 + floor(random() * 4900)::int, 1, sh.at, sh.at, sh.at
      from b_shares sh join b_stories st on st.i = sh.story join b_people p on p.p = sh.person`,
    `insert into tracked_links (code, org_id, share_id, target_url) select 'bench' || i, '${orgId}', id, 'https://bench.example/' from b_shares`,
    `insert into link_clicks (code, day, visitor, clicks, first_at)
      select 'bench' || sh.i, (sh.at + (k / 3) * interval '1 day')::date, md5(sh.i || ':' || k), 1 + floor(random() * 3)::int, sh.at + (k / 3) * interval '1 day'
      from b_shares sh cross join generate_series(0, floor(random() * 16)::int) k`,
    `insert into crisis_alerts (org_id, topic_id, detector, summary, explanation, sample_mention_ids, raised_at, acknowledged_at)
      select '${orgId}', t.id, 'volume', 'A spike', '{}'::jsonb, '{}', ${from} + (i * 15 + 3) * interval '1 day', case when i % 3 > 0 then ${from} + (i * 15 + 3) * interval '1 day' end
      from generate_series(0, 23) i join b_topics t on t.t = i % 3`,
  ]);
  await step('analyze', ['set session_replication_role = origin', 'analyze']);
  // Kept with the data, for a resumed run's report.
  await client.query('create table bench_generation (step text primary key, seconds float8 not null)');
  await client.query('insert into bench_generation select key, value::float8 from jsonb_each_text($1::jsonb)', [JSON.stringify(seconds)]);

  const ids = async (query: string) => (await client.query<{ id: string }>(query)).rows.map((row) => row.id);
  const count = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]!.n);
  return {
    orgId, sourceId, start, seconds,
    spokeIds: await ids('select id from b_spokes order by i'),
    storeIds: await ids(`select id from b_spokes where i < ${STORES} order by i`),
    topicIds: await ids('select id from b_topics order by t'),
    personIds: await ids('select id from b_people where p < 600 order by p'),
    mentions: await count(`select count(*) as n from mentions where org_id = '${orgId}'`),
    conversations: await count(`select count(*) as n from conversation_states where org_id = '${orgId}'`),
    replies: await count(`select count(*) as n from replies where org_id = '${orgId}'`),
  };
}

/** What an earlier run generated, read back from its database (to resume a run that was stopped). */
export async function describeGeneratedData(client: pg.Client): Promise<GeneratedInsightsData> {
  const one = async (query: string) => (await client.query<{ v: string }>(query)).rows[0]!.v;
  const ids = async (query: string) => (await client.query<{ id: string }>(query)).rows.map((row) => row.id);
  const orgId = await one("select id::text as v from organizations where slug = 'bench-retail'");
  const count = async (table: string) => Number(await one(`select count(*)::text as v from ${table} where org_id = '${orgId}'`));
  // The generator's numbering of conversations (by when they opened) for paging through them again.
  await client.query('create temp table b_conversations as select (row_number() over (order by created_at, conversation_id) - 1)::int as n, conversation_id as id from conversation_states');
  await client.query('alter table b_conversations add primary key (n)');
  return {
    orgId, sourceId: await one(`select id::text as v from sources where org_id = '${orgId}'`),
    seconds: Object.fromEntries((await client.query<{ step: string; seconds: number }>('select step, seconds from bench_generation')).rows.map((row) => [row.step, row.seconds])),
    start: new Date(await one(`select min(started_at)::text as v from conversations where org_id = '${orgId}'`)),
    spokeIds: await ids(`select id from spokes where org_id = '${orgId}' order by kind desc, name`),
    storeIds: await ids(`select id from spokes where org_id = '${orgId}' and kind = 'store' order by name`),
    topicIds: await ids(`select id from topics where org_id = '${orgId}' order by name`),
    personIds: await ids(`select p.id from people p join memberships m on m.person_id = p.id where p.org_id = '${orgId}' and m.spoke_id is not null order by p.name`),
    mentions: await count('mentions'), conversations: await count('conversation_states'), replies: await count('replies'),
  };
}
