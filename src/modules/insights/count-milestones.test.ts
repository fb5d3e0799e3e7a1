import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { publishEvent, runDueJobs } from '../../jobs/index.ts';
import { createSource, ingestPosts, type IngestTarget } from '../listening/index.ts';
import { addMembership, createOrganization, createPerson, createSpoke, systemActor, type Actor } from '../people/index.ts';
import { triageJobs } from '../triage/index.ts';
import { conversationMilestones, createRule, createSlaPolicy, recordAnswer, routingModule } from '../routing/index.ts';
import { insightsJobs } from './insights.jobs.ts';
import { conversationTable } from './conversation-tables.ts';
import { insightsRangeOf } from './insights-range.ts';
import { binOf, boundsOf, percentileOfBins } from './response-time-bins.ts';

const MINUTE = 60;
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

describeOnEachDatabase('counting conversations as routing records their milestones', (database) => {
  const db = () => database().db;
  let hub: Actor;
  let source: IngestTarget;
  let careId: string;
  let ann: string;
  let bob: string;
  /** Per conversation: when it opened, and after how many seconds it was answered (set below, as if over three months). */
  const answered: { conversationId: string; openedAt: Date; seconds: number; by: string }[] = [];

  const drain = async () => { while (await runDueJobs({ db: db(), definitions: [...triageJobs, ...routingModule.jobs!, ...insightsJobs], workerId: 'test' }) > 0); };
  const rows = async <Row>(query: ReturnType<typeof sql>) => (await db().execute(query) as unknown as { rows: Row[] }).rows;
  const quarter = () => insightsRangeOf({ from: '2026-01-01', to: '2026-03-31' });
  /** From the quarter to today: replies are counted when they went out (now). */
  const sinceJanuary = () => insightsRangeOf({ from: '2026-01-01' });
  const whole = () => ({ orgId: hub.orgId, spokeIds: null });

  before(async () => {
    hub = systemActor((await createOrganization(db(), { slug: 'measured', name: 'Measured' })).id);
    careId = (await createSpoke(db(), hub, { kind: 'department', name: 'Care' })).id;
    const person = async (name: string) => {
      const id = (await createPerson(db(), { passwordCost: 4 }, hub, { name, email: `${name}@measured.test`, workingHours: allWeek, capacity: 100 })).id;
      await addMembership(db(), hub, { personId: id, spokeId: careId, role: 'volunteer' });
      return id;
    };
    ann = await person('Ann');
    bob = await person('Bob');
    await createSlaPolicy(db(), hub, { name: 'Standard', defaultFor: 'normal', firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 });
    await createRule(db(), hub, { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: careId } } });
    const created = await createSource(db(), hub, { kind: 'file', name: 'Import', config: {}, matchMode: 'all' });
    source = { id: created.id, orgId: hub.orgId, name: created.name, matchMode: 'all' };

    const count = 40;
    await ingestPosts(db(), source, Array.from({ length: count }, (_, i) => ({ externalId: `c${i}`, text: `Question number ${i} about my order`, language: 'en' })));
    await drain();
    const conversations = await rows<{ conversation_id: string }>(sql`select conversation_id from conversation_states order by conversation_id`);
    // Opened over January to March 2026, answered after 30 s to ~4 days: the clock is moved, not waited for.
    for (const [i, { conversation_id: conversationId }] of conversations.entries()) {
      const openedAt = new Date(Date.UTC(2026, 0, 1 + i * 2, 9, 0, 0));
      const seconds = Math.round(30 * 1.27 ** i);
      answered.push({ conversationId, openedAt, seconds, by: i % 3 === 0 ? bob : ann });
      await db().execute(sql`update conversation_states set created_at = ${openedAt.toISOString()}::timestamptz,
        first_response_due_at = ${openedAt.toISOString()}::timestamptz + interval '60 minutes', resolution_due_at = ${openedAt.toISOString()}::timestamptz + interval '1440 minutes'
        where conversation_id = ${conversationId}`);
    }
    for (const table of ['insights_conversation_counts', 'insights_response_histograms']) await db().execute(sql`delete from ${sql.identifier(table)}`);
    await db().execute(sql`delete from insights_counted where kind = 2`);
    await db().transaction((tx) => publishEvent(tx, conversationMilestones, {
      milestones: answered.map(({ conversationId, openedAt }) => ({ conversationId, kind: 'routed' as const, at: openedAt.toISOString(), personId: null, replyId: null, status: null })),
    }, { orgId: hub.orgId }));
    for (const { conversationId, openedAt, seconds, by } of answered) {
      await recordAnswer(db(), hub.orgId, conversationId, { replyId: randomUUID(), authorId: by, publishedAt: new Date(), url: null, network: 'file' });
      await db().execute(sql`update conversation_states set first_responded_at = ${new Date(openedAt.getTime() + seconds * 1000).toISOString()}::timestamptz where conversation_id = ${conversationId}`);
    }
    await drain();
  });

  it('counts conversations opened and first responses, with the mean and the SLA met or missed', async () => {
    const [row] = (await conversationTable(db(), whole(), sinceJanuary(), 'org', true)).rows;
    assert.equal(row!.opened, 40);
    assert.equal(row!.replies, 40);
    assert.equal(row!.firstResponse.count, 40);
    const total = answered.reduce((sum, { seconds }) => sum + seconds, 0);
    assert.equal(row!.firstResponse.meanSeconds, Math.round(total / 40));
    const met = answered.filter(({ seconds }) => seconds <= 60 * MINUTE).length;
    assert.deepEqual(row!.firstResponse.sla, { met, missed: 40 - met, attainment: met / 40 });
  });

  it('takes medians and 90th percentiles from histograms merged over months and days, as from the exact times\' bins', async () => {
    for (const range of [quarter(), insightsRangeOf({ from: '2026-01-20', to: '2026-03-10' }), insightsRangeOf({ from: '2026-02-01', to: '2026-02-28' })]) {
      const [row] = (await conversationTable(db(), whole(), range, 'org', true)).rows;
      const inRange = answered.filter(({ openedAt, seconds }) => {
        const at = openedAt.getTime() + seconds * 1000;
        return at >= range.start.getTime() && at < range.end.getTime();
      }).map(({ seconds }) => seconds);
      const bins = [...new Map(inRange.map((s) => [binOf(s), inRange.filter((t) => binOf(t) === binOf(s)).length]))].map(([bin, count]) => ({ bin, count }));
      assert.equal(row!.firstResponse.count, inRange.length, `${range.from}…${range.to}`);
      assert.equal(row!.firstResponse.medianSeconds, percentileOfBins(bins, 0.5));
      assert.equal(row!.firstResponse.p90Seconds, percentileOfBins(bins, 0.9));
      const sorted = [...inRange].sort((a, b) => a - b);
      for (const [q, estimate] of [[0.5, row!.firstResponse.medianSeconds!], [0.9, row!.firstResponse.p90Seconds!]] as const) {
        const [lower, upper] = boundsOf(binOf(sorted[Math.ceil(q * sorted.length) - 1]!));
        assert.ok(estimate >= Math.floor(lower) && estimate <= Math.ceil(upper), `q=${q} ${estimate} not in [${lower}, ${upper}]`);
      }
    }
  });

  it('splits first responses by person and by spoke, and per month as a series', async () => {
    const people = (await conversationTable(db(), whole(), sinceJanuary(), 'person', true)).rows;
    const bobs = answered.filter(({ by }) => by === bob).length;
    assert.deepEqual(people.map((row) => [row.name, row.firstResponse.count, row.replies]), [['Ann', 40 - bobs, 40 - bobs], ['Bob', bobs, bobs]]);
    const second = await conversationTable(db(), whole(), sinceJanuary(), 'person', true, { limit: 1, offset: 1 });
    assert.deepEqual([second.total, second.rows.map((row) => row.name), second.rows[0]!.firstResponse.medianSeconds === null], [2, ['Bob'], false], 'a page of people, the busiest first, with their percentiles');
    const spokes = (await conversationTable(db(), whole(), quarter(), 'spoke', false)).rows;
    assert.deepEqual(spokes.map((row) => [row.key, row.name, row.opened]), [[careId, 'Care', 40]]);
    const months = (await conversationTable(db(), whole(), quarter(), 'month', false)).rows;
    assert.deepEqual(months.map((row) => row.key), ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    assert.equal(months.reduce((sum, row) => sum + row.opened, 0), 40);
    const lead = (await conversationTable(db(), { orgId: hub.orgId, spokeIds: [careId] }, quarter(), 'org', false)).rows;
    assert.equal(lead[0]!.firstResponse.count, 40, 'the spoke\'s rows add up to the organization\'s');
  });

  it('counts a resolution once, from the first time it was resolved, against its due time', async () => {
    const [fast, slow] = answered;
    const resolved = (conversationId: string, at: Date) => ({ conversationId, kind: 'status' as const, at: at.toISOString(), personId: ann, replyId: null, status: 'resolved' as const });
    const milestones = [resolved(fast!.conversationId, new Date(fast!.openedAt.getTime() + 3 * 3600_000)), resolved(slow!.conversationId, new Date(slow!.openedAt.getTime() + 2 * 86_400_000))];
    await db().transaction((tx) => publishEvent(tx, conversationMilestones, { milestones }, { orgId: hub.orgId }));
    await drain();
    // Reopened and resolved again later: still the first resolution.
    await db().transaction((tx) => publishEvent(tx, conversationMilestones, { milestones: [resolved(fast!.conversationId, new Date('2026-03-30T00:00:00Z'))] }, { orgId: hub.orgId }));
    await drain();
    const [row] = (await conversationTable(db(), whole(), quarter(), 'org', true)).rows;
    assert.equal(row!.resolution.count, 2);
    assert.equal(row!.resolution.meanSeconds, Math.round((3 * 3600 + 2 * 86_400) / 2));
    assert.deepEqual(row!.resolution.sla, { met: 1, missed: 1, attainment: 0.5 });
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = await conversationTable(db(), whole(), quarter(), 'person', true);
    const counts = await rows<{ n: number }>(sql`select count(*)::int as n from insights_counted`);
    await db().execute(sql`update jobs set status = 'queued', run_at = now() where kind like 'insights.count-%'`);
    await drain();
    assert.deepEqual(await conversationTable(db(), whole(), quarter(), 'person', true), before);
    assert.deepEqual(await rows<{ n: number }>(sql`select count(*)::int as n from insights_counted`), counts);
  });
});
