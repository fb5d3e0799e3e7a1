import { it, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { publishEvent, runDueJobs } from '../../jobs/index.ts';
import { createOrganization, createSpoke, systemActor } from '../people/index.ts';
import { createSource, createTopic } from '../listening/index.ts';
import { mentionsTriaged, type TriagedMention } from '../triage/index.ts';
import { insightsJobs } from './insights.jobs.ts';
import { countTriagedMentions } from './count-mentions.ts';
import { mentionVolume, shareOfVoice } from './mention-volume.ts';
import { insightsRangeOf } from './insights-range.ts';

describeOnEachDatabase('counting mentions as triage judges them', (database) => {
  const db = () => database().db;
  let orgId: string;
  let storeId: string;
  let sourceId: string;
  let brand: string;
  let rival: string;

  const mention = (postedAt: string, sentiment: TriagedMention['sentiment'], topicIds: string[], extra: Partial<TriagedMention> = {}): TriagedMention => ({
    id: randomUUID(), conversationId: randomUUID(), sourceId, seq: 1, title: null, text: 'text', authorHandle: null, authorFollowers: null,
    postedAt, topicIds, language: 'en', sentiment, categoryId: null, categoryName: null, urgency: 0, placeSpokeId: null, spam: false, ...extra,
  });
  const drain = async () => { while (await runDueJobs({ db: db(), definitions: insightsJobs, workerId: 'test' }) > 0); };
  const march = insightsRangeOf({ from: '2026-03-01', to: '2026-03-31' });
  const whole = () => ({ orgId, spokeIds: null });

  before(async () => {
    orgId = (await createOrganization(db(), { slug: 'counting', name: 'Counting' })).id;
    const hub = systemActor(orgId);
    storeId = (await createSpoke(db(), hub, { kind: 'store', name: 'Leeds' })).id;
    sourceId = (await createSource(db(), hub, { kind: 'file', name: 'Import', config: {}, matchMode: 'all' })).id;
    brand = (await createTopic(db(), hub, { name: 'Acme', query: 'acme' })).id;
    rival = (await createTopic(db(), hub, { name: 'Rival', query: 'rival' })).id;
  });
  beforeEach(async () => {
    await db().execute(sql`delete from insights_mention_counts`);
    await db().execute(sql`delete from insights_counted`);
    await db().execute(sql`delete from jobs`);
  });

  it('counts each mention once per day, hour, topic and spoke, under its sentiment, spam apart', async () => {
    await countTriagedMentions(db(), orgId, [
      mention('2026-03-02T09:15:00Z', 'negative', [brand], { placeSpokeId: storeId }),
      mention('2026-03-02T09:45:00Z', 'positive', [brand, rival]),
      mention('2026-03-02T23:59:59Z', 'neutral', []),
      mention('2026-03-03T00:00:00Z', 'negative', [rival], { spam: true }),
    ]);
    const daily = await mentionVolume(db(), whole(), march, { interval: 'day' });
    const day = (iso: string) => daily.series.find((point) => point.bucket === iso)!;
    assert.equal(daily.series.length, 31);
    assert.deepEqual(day('2026-03-02T00:00:00.000Z'), { bucket: '2026-03-02T00:00:00.000Z', topicId: null, negative: 1, neutral: 1, positive: 1, spam: 0, total: 3 });
    assert.deepEqual({ ...day('2026-03-03T00:00:00.000Z') }, { bucket: '2026-03-03T00:00:00.000Z', topicId: null, negative: 0, neutral: 0, positive: 0, spam: 1, total: 0 });
    const hourly = await mentionVolume(db(), whole(), insightsRangeOf({ from: '2026-03-02', to: '2026-03-02' }), { interval: 'hour' });
    assert.equal(hourly.series.length, 24);
    assert.equal(hourly.series[9]!.total, 2);
    const perTopic = await mentionVolume(db(), whole(), march, { interval: 'month', topicIds: [brand, rival] });
    assert.deepEqual(perTopic.totals.map((t) => [t.topicId, t.total, t.spam]), [[brand, 2, 0], [rival, 1, 1]]);
    const store = await mentionVolume(db(), { orgId, spokeIds: [storeId] }, march, { interval: 'month' });
    assert.deepEqual(store.totals.map((t) => [t.negative, t.total]), [[1, 1]]);
    const voice = await shareOfVoice(db(), whole(), march);
    assert.deepEqual(voice.topics.map((t) => [t.name, t.mentions, t.share]), [['Acme', 2, 2 / 3], ['Rival', 1, 1 / 3]]);
    assert.equal(voice.topics[0]!.netSentiment, 0);
  });

  it('counts nothing twice when the event is delivered again, or a batch repeats a mention', async () => {
    const posted = [mention('2026-03-05T10:00:00Z', 'negative', [brand]), mention('2026-03-05T11:00:00Z', 'positive', [brand])];
    await db().transaction((tx) => publishEvent(tx, mentionsTriaged, { mentions: [...posted, posted[0]!] }, { orgId }));
    await drain();
    const total = async () => (await mentionVolume(db(), whole(), march, { interval: 'month' })).totals[0]!.total;
    assert.equal(await total(), 2);
    // The worker ran it, then the job is delivered again (a lost lease), and the event is published again.
    await db().execute(sql`update jobs set status = 'queued', run_at = now() where kind = 'insights.count-mentions'`);
    await db().transaction((tx) => publishEvent(tx, mentionsTriaged, { mentions: posted }, { orgId }));
    await drain();
    assert.equal(await total(), 2);
    assert.equal(await countTriagedMentions(db(), orgId, posted), 0);
  });

  it('schedules the weekly digest once, for the next Monday morning, and the advocacy sweep for the next hour', async () => {
    await db().transaction((tx) => publishEvent(tx, mentionsTriaged, { mentions: [mention('2026-03-05T10:00:00Z', 'neutral', [brand])] }, { orgId }));
    await db().transaction((tx) => publishEvent(tx, mentionsTriaged, { mentions: [mention('2026-03-05T11:00:00Z', 'neutral', [brand])] }, { orgId }));
    await drain();
    const { rows } = await db().execute(sql`select run_at from jobs where kind = 'insights.send-weekly-digest'`) as unknown as { rows: { run_at: string | Date }[] };
    assert.equal(rows.length, 1);
    const runAt = new Date(rows[0]!.run_at);
    assert.deepEqual([runAt.getUTCDay(), runAt.getUTCHours(), runAt.getUTCMinutes()], [1, 7, 0]);
    assert.ok(runAt.getTime() > Date.now() && runAt.getTime() <= Date.now() + 7 * 86_400_000);
    const { rows: sweeps } = await db().execute(sql`select run_at from jobs where kind = 'insights.sweep-advocacy'`) as unknown as { rows: { run_at: string | Date }[] };
    assert.equal(sweeps.length, 1);
    const sweepAt = new Date(sweeps[0]!.run_at);
    assert.ok(sweepAt.getTime() > Date.now() && sweepAt.getTime() <= Date.now() + 3600_000 && sweepAt.getUTCMinutes() === 0);
  });
});
