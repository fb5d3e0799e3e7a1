import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { jobs } from '../../../jobs/jobs.schema.ts';
import { createSource, ingestPosts } from '../../listening/index.ts';
import { addMembership, createOrganization, createPerson, createSpoke, systemActor, type Actor } from '../../people/index.ts';
import { enrichMentions } from '../../triage/index.ts';
import { conversationEvents, conversationStates, notifications } from '../routing.schema.ts';
import { routeStoredMentions } from '../conversations/route-mentions.ts';
import { changeConversation, setStatus } from '../conversations/conversation-actions.ts';
import { createRule } from '../rules/rule-store.ts';
import { createSlaPolicy } from './sla-policy-store.ts';
import { scheduleSlaTimers, type SlaTimer } from './sla-clocks.ts';
import { slaTimerJob } from './sla-timer.job.ts';
import { fireSlaTimer } from './sla-escalation.ts';

const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

describeOnEachDatabase('SLA timers and the escalation chain', (database) => {
  const db = () => database().db;
  let hub: Actor;
  let agent: string;
  let lead: string;
  let admin: string;
  let conversationId: string;
  let counter = 0;

  const newConversation = async () => {
    const source = await createSource(db(), hub, { kind: 'file', name: `Import ${++counter}`, config: {}, matchMode: 'all' });
    const { mentionIds } = await ingestPosts(db(), { id: source.id, orgId: hub.orgId, name: source.name, matchMode: 'all' }, [{ externalId: 'e1', text: 'Where is my order?' }]);
    await enrichMentions(db(), hub.orgId, mentionIds);
    return (await routeStoredMentions(db(), hub.orgId, mentionIds))[0]!.conversationId;
  };
  const stateOf = async (id: string) => (await db().select().from(conversationStates).where(eq(conversationStates.conversationId, id)))[0]!;
  const kindsOf = async (id: string) => (await db().select().from(conversationEvents).where(eq(conversationEvents.conversationId, id)).orderBy(conversationEvents.id)).map((e) => e.kind);
  const notifiedAbout = async (id: string, personId: string) => (await db().select().from(notifications).where(and(eq(notifications.conversationId, id), eq(notifications.personId, personId)))).map((n) => n.kind);
  const timerFor = async (id: string, clock: SlaTimer['clock'], step: number): Promise<SlaTimer> => {
    const state = await stateOf(id);
    const dueAt = clock === 'first_response' ? state.firstResponseDueAt : clock === 'next_response' ? state.nextResponseDueAt : state.resolutionDueAt;
    return { conversationId: id, clock, dueAt: dueAt!.toISOString(), step };
  };

  before(async () => {
    hub = systemActor((await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id);
    const care = await createSpoke(db(), hub, { kind: 'department', name: 'Care' });
    const person = async (name: string, spokeId: string | null, role: 'volunteer' | 'spoke_lead' | 'hub_admin') => {
      const created = await createPerson(db(), { passwordCost: 4 }, hub, { name, email: `${name}@acme.test`, workingHours: allWeek });
      await addMembership(db(), hub, { personId: created.id, spokeId, role });
      return created.id;
    };
    agent = await person('agent', care.id, 'volunteer');
    lead = await person('lead', care.id, 'spoke_lead');
    admin = await person('admin', null, 'hub_admin');
    await createSlaPolicy(db(), hub, { name: 'Standard', defaultFor: 'normal', firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 600, warnBeforeMinutes: 10, escalationIntervalMinutes: 20 });
    await createRule(db(), hub, { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: care.id } } });
    conversationId = await newConversation();
  });

  it('starts the clocks with durable timers, one job per warning and breach, keyed so none runs twice', async () => {
    const state = await stateOf(conversationId);
    assert.equal(state.assigneeId === agent || state.assigneeId === lead, true);
    const timers = await db().select().from(jobs).where(like(jobs.key, `sla:${conversationId}:%`));
    assert.deepEqual(timers.map((t) => (t.payload as SlaTimer).clock + ':' + (t.payload as SlaTimer).step).sort(), ['first_response:-1', 'first_response:0', 'resolution:-1', 'resolution:0']);
    const breach = timers.find((t) => (t.payload as SlaTimer).clock === 'first_response' && (t.payload as SlaTimer).step === 0)!;
    assert.equal(breach.runAt.getTime(), state.firstResponseDueAt!.getTime());
    await scheduleSlaTimers(db(), slaTimerJob, hub.orgId, [{ payload: breach.payload as SlaTimer, runAt: breach.runAt }]);
    assert.equal((await db().select().from(jobs).where(like(jobs.key, `sla:${conversationId}:%`))).length, 4, 'the same timer is not queued twice');
  });

  it('warns whoever holds it, then escalates step by step: assignee, spoke lead, hub', async () => {
    const holder = (await stateOf(conversationId)).assigneeId!;
    await fireSlaTimer(db(), slaTimerJob, hub.orgId, await timerFor(conversationId, 'first_response', -1));
    assert.deepEqual(await notifiedAbout(conversationId, holder), ['assigned', 'sla_warning']);
    await fireSlaTimer(db(), slaTimerJob, hub.orgId, await timerFor(conversationId, 'first_response', 0));
    assert.equal((await stateOf(conversationId)).escalationLevel, 1);
    const next = await db().select().from(jobs).where(like(jobs.key, `sla:${conversationId}:first_response:%:1`));
    assert.equal(next.length, 1, 'the next step is scheduled');
    await fireSlaTimer(db(), slaTimerJob, hub.orgId, await timerFor(conversationId, 'first_response', 1));
    await fireSlaTimer(db(), slaTimerJob, hub.orgId, await timerFor(conversationId, 'first_response', 2));
    assert.equal((await stateOf(conversationId)).escalationLevel, 3);
    assert.ok((await notifiedAbout(conversationId, lead)).includes('sla_breach'));
    assert.ok((await notifiedAbout(conversationId, admin)).includes('sla_breach'));
    const kinds = await kindsOf(conversationId);
    assert.deepEqual(kinds.filter((k) => k.startsWith('sla') || k === 'escalated'), ['sla_warning', 'sla_breach', 'escalated', 'escalated', 'escalated']);
  });

  it('does nothing when the clock was met or moved before the timer fired', async () => {
    const id = await newConversation();
    const timer = await timerFor(id, 'first_response', 0);
    await changeConversation(db(), hub, id, setStatus('waiting'));
    await fireSlaTimer(db(), slaTimerJob, hub.orgId, timer);
    await fireSlaTimer(db(), slaTimerJob, hub.orgId, { ...timer, dueAt: new Date(0).toISOString() });
    assert.equal((await stateOf(id)).escalationLevel, 0);
    assert.equal((await kindsOf(id)).includes('sla_breach'), false);
  });

  it('runs a due timer from the queue, as after a restart', async () => {
    const id = await newConversation();
    const timer = await timerFor(id, 'first_response', 0);
    await db().update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.key, `sla:${id}:first_response:${timer.dueAt}:0`));
    while (await runDueJobs({ db: db(), definitions: [slaTimerJob], workerId: 'after-restart' }) > 0);
    assert.equal((await stateOf(id)).escalationLevel, 1);
    assert.ok((await kindsOf(id)).includes('sla_breach'));
  });
});
