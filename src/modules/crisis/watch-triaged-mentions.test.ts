import { it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { publishEvent, runDueJobs } from '../../jobs/index.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { createOrganization, systemActor } from '../people/index.ts';
import { createTopic } from '../listening/index.ts';
import { mentionsTriaged, type TriagedMention } from '../triage/index.ts';
import { crisisAlerts, crisisDetectorStates } from './crisis.schema.ts';
import { watchTriagedMentionsJob } from './crisis.jobs.ts';
import { tickCrisisClocksJob } from './crisis-tick.ts';
import type { CrisisMention } from './detectors/crisis-mention.ts';
import { syntheticMentions } from './detectors/synthetic-mention-stream.ts';
import { TopicDetector } from './detectors/topic-detector.ts';
import { watchTriagedMentions } from './watch-triaged-mentions.ts';
import { saveCrisisSettings } from './crisis-settings.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC, as in the detectors' own tests. */
const MONDAY = Date.UTC(2026, 0, 5);
const SPIKE_START = MONDAY + 9 * DAY + 14 * HOUR;
/** Triaged in batches of six hours of stream, each handled at its end ("now"). */
const BATCH = 6 * HOUR;

const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A synthetic stream with a 3× spike, its mentions renamed with uuids as listening gives them. */
function spikeStream(): CrisisMention[] {
  let n = 0;
  return [...syntheticMentions({ seed: 5, start: MONDAY, days: 10, meanPerHour: 120, medianFollowers: 200, followersSpread: 1, spikes: [{ start: SPIKE_START, minutes: 90, multiplier: 3 }] })]
    .map((mention) => ({ ...mention, id: uuidOf(++n) }));
}

function triaged(mention: CrisisMention, topicId: string, overrides: Partial<TriagedMention> = {}): TriagedMention {
  return {
    id: mention.id, conversationId: uuidOf(0), sourceId: uuidOf(0), seq: 0, title: null, text: mention.text ?? 'a post',
    authorHandle: mention.authorHandle ?? null, authorFollowers: mention.authorFollowers ?? null, postedAt: new Date(mention.at).toISOString(),
    topicIds: [topicId], language: 'en', sentiment: mention.sentiment, categoryId: null, categoryName: mention.category,
    urgency: 0, placeSpokeId: null, spam: false, ...overrides,
  };
}

describeOnEachDatabase('crisis: watching triaged mentions', (database) => {
  const db = () => database().db;
  let orgs = 0;
  const orgWithTopic = async () => {
    const org = await createOrganization(db(), { slug: `crisis-${++orgs}`, name: `Crisis ${orgs}` });
    const topic = await createTopic(db(), systemActor(org.id), { name: 'Brand', query: 'acme' });
    return { orgId: org.id, topicId: topic.id };
  };
  const stateOf = async (topicId: string) => (await db().select().from(crisisDetectorStates).where(eq(crisisDetectorStates.topicId, topicId)))[0];
  const alertsOf = (orgId: string) => db().select().from(crisisAlerts).where(eq(crisisAlerts.orgId, orgId));

  /** Feeds the stream's mentions in [from, to) in six-hour batches; the batch's end is "now". */
  async function feed(orgId: string, topicId: string, mentions: CrisisMention[], from: number, to: number) {
    for (let start = from; start < to; start += BATCH) {
      const end = Math.min(start + BATCH, to);
      const batch = mentions.filter((mention) => mention.at >= start && mention.at < end);
      await watchTriagedMentions(db(), orgId, batch.map((mention) => triaged(mention, topicId)), end);
    }
  }

  it('a spike in the stream raises one volume alert, stored with its explanation; a restart mid-spike raises no second one', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const mentions = spikeStream();
    const end = MONDAY + 10 * DAY;
    // Every batch loads the detectors from the table: each one is a restart. The cut falls mid-spike, after the alert.
    const cut = SPIKE_START + 30 * MINUTE;
    await feed(orgId, topicId, mentions, MONDAY, cut);
    const [alert, ...more] = await alertsOf(orgId);
    assert.ok(alert, 'the spike raised an alert');
    assert.deepEqual(more, []);
    assert.equal(alert.detector, 'volume');
    assert.equal(alert.topicId, topicId);
    assert.ok(alert.raisedAt.getTime() > SPIKE_START && alert.raisedAt.getTime() - SPIKE_START <= 10 * MINUTE);
    assert.equal(alert.summary, alert.explanation.summary);
    assert.match(alert.summary, /mentions in the \d+ minutes since/);
    assert.equal(alert.explanation.metric, 'mentions');
    assert.ok(alert.explanation.observed > 2 * alert.explanation.baseline);
    assert.deepEqual(alert.sampleMentionIds, alert.explanation.sampleMentionIds);
    assert.equal(alert.sampleMentionIds.length, 5);
    assert.equal(alert.acknowledgedAt, null);

    // The rest of the spike and the day after, fed to detectors restored from the table: no second alert.
    await feed(orgId, topicId, mentions, cut, end);
    assert.equal((await alertsOf(orgId)).length, 1);

    // And the stored state is exactly that of one detector that never stopped.
    const uninterrupted = new TopicDetector({ organizationId: orgId, topicId });
    const alerts = mentions.filter((mention) => mention.at < end).flatMap((mention) => [...uninterrupted.observe(mention)]);
    assert.deepEqual(alerts.map((a) => [a.detector, a.at]), [['volume', alert.raisedAt.getTime()]]);
    const state = await stateOf(topicId);
    assert.deepEqual(state?.snapshot, JSON.parse(JSON.stringify(uninterrupted.toJSON())));
    assert.equal(state?.clock?.getTime(), uninterrupted.toJSON().clock);
  });

  it('skips back-filled mentions posted more than a day ago, and spam', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const now = Date.now();
    const old = triaged({ id: uuidOf(1), at: now - 2 * DAY, sentiment: 'negative', category: null }, topicId);
    const spam = triaged({ id: uuidOf(2), at: now - MINUTE, sentiment: 'negative', category: null }, topicId, { spam: true });
    const report = await watchTriagedMentions(db(), orgId, [old, spam], now);
    assert.deepEqual([report.fed, report.skippedOld], [0, 1]);
    assert.equal(await stateOf(topicId), undefined, 'nothing was fed, so no state was started');
  });

  it('runs two triaged batches of one organization from the queue in order, and a late batch counts at the clock', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const now = Date.now();
    const at = (minutesAgo: number, n: number) => triaged({ id: uuidOf(100 + n), at: now - minutesAgo * MINUTE, sentiment: 'neutral', category: null }, topicId);
    await db().transaction(async (tx) => {
      await publishEvent(tx, mentionsTriaged, { mentions: [at(10, 1), at(9, 2)] }, { orgId });
      await publishEvent(tx, mentionsTriaged, { mentions: [at(5, 3), at(4, 4)] }, { orgId });
    });
    // Only the feed runs here: the minute tick the first batch arms would move the clock this test reads.
    for (let pass = 0; pass < 5; pass++) if (await runDueJobs({ db: db(), definitions: [watchTriagedMentionsJob], workerId: 'test' }) === 0) break;
    const queued = await db().select({ kind: jobs.kind, status: jobs.status, key: jobs.key }).from(jobs).where(eq(jobs.orgId, orgId));
    const fed = queued.filter((job) => job.kind !== tickCrisisClocksJob.kind);
    assert.ok(fed.length > 0 && fed.every((job) => job.status === 'done'), JSON.stringify(queued));
    const [tick, ...moreTicks] = queued.filter((job) => job.kind === tickCrisisClocksJob.kind);
    const slot = Date.parse(tick?.key?.slice(`crisis-tick:${orgId}:`.length) ?? '');
    assert.ok(moreTicks.length === 0 && slot % MINUTE === 0 && slot > now && slot <= now + 2 * MINUTE, `the topic's first batch armed the tick: ${JSON.stringify(queued)}`);
    const state = await stateOf(topicId);
    assert.equal(state?.snapshot.clock, now - 4 * MINUTE, 'the clock stands at the second batch\'s last mention');
    assert.equal(state?.snapshot.lateMentions, 0, 'the first batch was not fed after the second');
    const hoursOf = (minutesAgo: number[]) => new Set(minutesAgo.map((minutes) => Math.floor((now - minutes * MINUTE) / 3_600_000))).size;
    assert.equal(state?.snapshot.heardHours, hoursOf([10, 9, 5, 4]), 'warm-up counts the hours heard in');

    // A batch from a slow source, older than the clock but within a day, still counts, at the clock's time.
    const report = await watchTriagedMentions(db(), orgId, [at(30, 5)]);
    assert.equal(report.fed, 1);
    assert.equal((await stateOf(topicId))?.snapshot.lateMentions, 1);
  });

  it('two workers feeding one new topic at once take turns: neither batch is lost', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const now = Date.now();
    const at = (minutesAgo: number, n: number) => triaged({ id: uuidOf(200 + n), at: now - minutesAgo * MINUTE, sentiment: 'neutral', category: null }, topicId);
    await Promise.all([
      watchTriagedMentions(db(), orgId, [at(10, 1), at(9, 2)], now),
      watchTriagedMentions(db(), orgId, [at(5, 3), at(4, 4)], now),
    ]);
    const { snapshot } = (await stateOf(topicId))!;
    // Had one overwritten the other, the clock would stand at the earlier batch's end.
    assert.equal(snapshot.clock, now - 4 * MINUTE);
    assert.ok([0, 2].includes(snapshot.lateMentions), `late: ${snapshot.lateMentions}`);
  });

  it('feeds a batch run twice (a lost lease) once, and a mention twice in one batch once, also when two workers run it at once', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const now = Date.now();
    const loud = (minutesAgo: number, n: number) => triaged({ id: uuidOf(400 + n), at: now - minutesAgo * MINUTE, sentiment: 'negative', category: null, authorHandle: `@critic-${n}`, authorFollowers: 1_000_000 }, topicId);
    const batch = [loud(10, 1), loud(9, 2), loud(9, 2)];
    const first = await watchTriagedMentions(db(), orgId, batch, now);
    assert.deepEqual([first.fed, first.skippedFed, first.alerts.length], [2, 1, 2]);
    const state = await stateOf(topicId);
    const again = await watchTriagedMentions(db(), orgId, batch, now);
    assert.deepEqual([again.fed, again.skippedFed, again.alerts.length], [0, 3, 0]);
    assert.deepEqual((await stateOf(topicId))?.snapshot, state?.snapshot, 'the detectors did not count the batch again');

    const later = [loud(5, 3), loud(4, 4)];
    const both = await Promise.all([watchTriagedMentions(db(), orgId, later, now), watchTriagedMentions(db(), orgId, later, now)]);
    assert.deepEqual(both.map((report) => report.fed).sort(), [0, 2]);
    assert.equal((await alertsOf(orgId)).length, 4, 'one alert per author, none twice');
    assert.equal((await stateOf(topicId))?.snapshot.clock, now - 4 * MINUTE);
  });

  it("runs the organization's settings laid over by the topic's; changed settings apply from the next batch, and the detectors keep what they learned", async () => {
    const { orgId, topicId } = await orgWithTopic();
    const stores = (await createTopic(db(), systemActor(orgId), { name: 'Stores', query: 'stores' })).id;
    // Five minutes before the last full hour: both later posts fall in one clock hour, so the baseline's hour count cannot move between them.
    const now = Math.floor(Date.now() / HOUR) * HOUR - 5 * MINUTE;
    let n = 500;
    const post = (topic: string, minutesAgo: number, followers: number) =>
      triaged({ id: uuidOf(++n), at: now - minutesAgo * MINUTE, sentiment: followers > 0 ? 'negative' : 'neutral', category: null, authorHandle: `@author-${n}`, authorFollowers: followers }, topic);
    await saveCrisisSettings(db(), systemActor(orgId), { detectors: { highReach: { minFollowers: 50_000 } }, topicOverrides: { [stores]: { highReach: { minFollowers: 500_000 } } } });

    // Three calm hours teach the volume baseline; then a voice of 100,000 followers on each topic.
    const calm = [180, 150, 120, 90, 60, 30].map((minutesAgo) => post(topicId, minutesAgo, 0));
    const first = await watchTriagedMentions(db(), orgId, [...calm, post(topicId, 20, 100_000), post(stores, 20, 100_000)], now);
    assert.deepEqual(first.alerts.map((alert) => [alert.topicId, alert.threshold]), [[topicId, 50_000]], 'the override holds Stores back');
    const learned = (await stateOf(topicId))!.snapshot;
    assert.ok(learned.volume.baseline.hoursLearned >= 2);

    await saveCrisisSettings(db(), systemActor(orgId), { detectors: { highReach: { minFollowers: 200_000 } }, topicOverrides: {} });
    const second = await watchTriagedMentions(db(), orgId, [post(topicId, 10, 100_000), post(stores, 10, 300_000)], now);
    assert.deepEqual(second.alerts.map((alert) => [alert.topicId, alert.threshold]), [[stores, 200_000]], 'the new threshold, and no override left');
    const kept = (await stateOf(topicId))!.snapshot;
    assert.ok(learned.heardHours >= 3 && kept.heardHours >= learned.heardHours, 'no new warm-up');
    assert.equal(kept.volume.baseline.hoursLearned, learned.volume.baseline.hoursLearned, 'the baseline is kept');
    assert.deepEqual(Object.keys(kept.highReach.gates), Object.keys(learned.highReach.gates), 'the open event of the first voice is kept');
    assert.equal(kept.highReach.gates[`@author-507`]?.inEvent, true);
  });
});
