import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { addMembership, createOrganization, createPerson, systemActor } from '../people/index.ts';
import { createTopic } from '../listening/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { crisisAlerts, crisisDetectorStates, crisisFedMentions } from './crisis.schema.ts';
import { crisisJobs } from './crisis.jobs.ts';
import { saveCrisisSettings } from './crisis-settings.ts';
import { scheduleCrisisTick, tickCrisisClocks } from './crisis-tick.ts';
import { watchTriagedMentions } from './watch-triaged-mentions.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const nextSlot = (now: number) => new Date((Math.floor(now / MINUTE) + 1) * MINUTE).toISOString();

const mention = (topicId: string, at: number): TriagedMention => ({
  id: randomUUID(), conversationId: randomUUID(), sourceId: randomUUID(), seq: 0, title: null, text: 'a post', authorHandle: null, authorFollowers: null,
  postedAt: new Date(at).toISOString(), topicIds: [topicId], language: 'en', sentiment: 'neutral', categoryId: null, categoryName: null,
  urgency: 0, placeSpokeId: null, spam: false,
});

describeOnEachDatabase('crisis: the minute tick', (database) => {
  const db = () => database().db;
  let orgs = 0;
  const orgWithTopic = async () => {
    const org = await createOrganization(db(), { slug: `tick-${++orgs}`, name: `Tick ${orgs}` });
    const topic = await createTopic(db(), systemActor(org.id), { name: 'Brand', query: 'acme' });
    return { orgId: org.id, topicId: topic.id };
  };
  const stateOf = async (topicId: string) => (await db().select().from(crisisDetectorStates).where(eq(crisisDetectorStates.topicId, topicId)))[0]!;
  const tickKeys = async (orgId: string) => (await db().select({ key: jobs.key }).from(jobs).where(like(jobs.key, `crisis-tick:${orgId}:%`))).map((job) => job.key);

  it("judges the minute a burst ended in when the topic goes quiet, not at its next mention, and tells the hub", async () => {
    const { orgId, topicId } = await orgWithTopic();
    const admin = await createPerson(db(), { passwordCost: 10 }, systemActor(orgId), { name: 'Ann', email: `ann-${orgId}@tick.test`, password: 'correct horse battery' });
    await addMembership(db(), systemActor(orgId), { personId: admin.id, spokeId: null, role: 'hub_admin' });
    // No warm-up, so a new topic's first burst counts.
    await saveCrisisSettings(db(), systemActor(orgId), { detectors: { volume: { warmUpHours: 0 } } });
    const now = Date.now();
    const burstMinute = Math.floor((now - 3 * MINUTE) / MINUTE) * MINUTE;
    const burst = Array.from({ length: 30 }, (_, second) => mention(topicId, burstMinute + second * 1000));
    const fed = await watchTriagedMentions(db(), orgId, burst, now);
    assert.deepEqual([fed.fed, fed.alerts.length], [30, 0], 'the burst\'s minute is still open');

    const tick = await tickCrisisClocks(db(), orgId, now);
    assert.deepEqual(tick, { advanced: 1, alerts: 1 });
    const state = await stateOf(topicId);
    assert.deepEqual([state.clock?.getTime(), state.snapshot.clock, state.snapshot.openMinute], [now, now, Math.floor(now / MINUTE)]);
    const [alert, ...more] = await db().select().from(crisisAlerts).where(eq(crisisAlerts.orgId, orgId));
    assert.deepEqual([alert?.detector, alert?.raisedAt.getTime(), more], ['volume', burstMinute + MINUTE, []]);
    const told = await db().execute(sql`select title from notifications where org_id = ${orgId} and person_id = ${admin.id} and kind = 'crisis.alert'`) as unknown as { rows: { title: string }[] };
    assert.deepEqual(told.rows, [{ title: 'Crisis alert: Brand' }]);
    assert.equal((await db().select().from(jobs).where(eq(jobs.key, `crisis-escalate:${alert!.id}`))).length, 1, 'its escalation is set');
    assert.ok((await tickKeys(orgId)).includes(`crisis-tick:${orgId}:${nextSlot(now)}`), 'the tick re-armed the next slot');

    assert.deepEqual(await tickCrisisClocks(db(), orgId, now + 30_000), { advanced: 0, alerts: 0 }, 'a clock less than a minute behind stays');
  });

  it('leaves topics silent for over a day and stops when every topic is; a batch waking one arms it again', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const now = Date.now();
    await watchTriagedMentions(db(), orgId, [mention(topicId, now - 2 * DAY - MINUTE)], now - 2 * DAY);
    const before = await stateOf(topicId);
    assert.deepEqual(await tickCrisisClocks(db(), orgId, now), { advanced: 0, alerts: 0 });
    assert.deepEqual((await stateOf(topicId)).snapshot, before.snapshot, 'left as it was');
    assert.equal((await tickKeys(orgId)).includes(`crisis-tick:${orgId}:${nextSlot(now)}`), false, 'not re-armed');

    await watchTriagedMentions(db(), orgId, [mention(topicId, now - 2 * MINUTE)], now);
    assert.ok((await tickKeys(orgId)).includes(`crisis-tick:${orgId}:${nextSlot(now)}`), 'the batch armed it');
    assert.deepEqual(await tickCrisisClocks(db(), orgId, now), { advanced: 1, alerts: 0 });
    assert.equal((await stateOf(topicId)).snapshot.clock, now);
  });

  it('runs as a keyed job that re-arms its next slot, and prunes fed mentions older than two days', async () => {
    const { orgId, topicId } = await orgWithTopic();
    const now = Date.now();
    await watchTriagedMentions(db(), orgId, [mention(topicId, now - 5 * MINUTE)], now);
    const old = randomUUID();
    await db().insert(crisisFedMentions).values({ orgId, mentionId: old, fedAt: new Date(now - 3 * DAY) });
    await db().delete(jobs);
    await scheduleCrisisTick(db(), orgId, now - 10 * MINUTE);
    assert.equal(await runDueJobs({ db: db(), definitions: crisisJobs, workerId: 'test' }), 1);
    const keys = await tickKeys(orgId);
    assert.equal(keys.length, 2);
    const next = Date.parse(keys.find((key) => key !== `crisis-tick:${orgId}:${nextSlot(now - 10 * MINUTE)}`)!.slice(`crisis-tick:${orgId}:`.length));
    assert.ok(next > Date.now() && next <= Date.now() + MINUTE, 'the next slot, in the future');
    assert.ok((await stateOf(topicId)).snapshot.clock! >= now, 'the job moved the clock');
    const fedIds = (await db().select({ id: crisisFedMentions.mentionId }).from(crisisFedMentions).where(eq(crisisFedMentions.orgId, orgId))).map((row) => row.id);
    assert.equal(fedIds.length, 1);
    assert.equal(fedIds.includes(old), false);
    assert.equal((await db().select().from(jobs).where(and(eq(jobs.orgId, orgId), eq(jobs.status, 'failed')))).length, 0);
  });
});
