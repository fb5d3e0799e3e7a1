import { it, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { createSource, ingestPosts, type IngestTarget } from '../../listening/index.ts';
import { addMembership, createOrganization, createPerson, createSpoke, systemActor, type Actor } from '../../people/index.ts';
import { triageJobs } from '../../triage/index.ts';
import { conversationStates } from '../routing.schema.ts';
import { routingJobs } from '../routing.jobs.ts';
import { createRule } from '../rules/rule-store.ts';
import { createSlaPolicy } from '../sla/sla-policy-store.ts';
import { addNote } from './collaboration.ts';
import { changeConversation, setStatus } from './conversation-actions.ts';
import { recordAnswer } from './answering.ts';
import { conversationMeasuresOf, type ConversationMilestone } from './conversation-milestones.ts';
import { openBacklogOf } from './open-backlog.ts';

describeOnEachDatabase('conversation milestones and measures for the modules above', (database) => {
  const db = () => database().db;
  let hub: Actor;
  let source: IngestTarget;
  let careId: string;
  let ann: string;
  let counter = 0;

  const drain = async () => { while (await runDueJobs({ db: db(), definitions: [...triageJobs, ...routingJobs], workerId: 'test' }) > 0); };
  /** The milestones published since the last call, oldest first. */
  const published = async (): Promise<ConversationMilestone[]> => {
    const { rows } = await db().execute(sql`delete from jobs where kind = 'event:routing.conversation-milestones' returning id, payload`) as unknown as { rows: { id: number; payload: { milestones: ConversationMilestone[] } }[] };
    return rows.sort((a, b) => a.id - b.id).flatMap((row) => row.payload.milestones);
  };
  const open = async (text: string) => {
    const { mentionIds } = await ingestPosts(db(), source, [{ externalId: `m${++counter}`, text, language: 'en' }]);
    await drain();
    const [row] = (await db().execute(sql`select conversation_id from mentions where id = ${mentionIds[0]!}`) as unknown as { rows: { conversation_id: string }[] }).rows;
    return row!.conversation_id;
  };

  before(async () => {
    hub = systemActor((await createOrganization(db(), { slug: 'milestones', name: 'Milestones' })).id);
    careId = (await createSpoke(db(), hub, { kind: 'department', name: 'Care' })).id;
    ann = (await createPerson(db(), { passwordCost: 4 }, hub, { name: 'Ann', email: 'ann@milestones.test', workingHours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })) })).id;
    await addMembership(db(), hub, { personId: ann, spokeId: careId, role: 'volunteer' });
    await createSlaPolicy(db(), hub, { name: 'Standard', defaultFor: 'normal', firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 });
    await createRule(db(), hub, { name: 'Refunds to Care', conditions: [{ field: 'keywords', anyOf: ['refund'] }], actions: { routeTo: { spokeId: careId } } });
    const created = await createSource(db(), hub, { kind: 'file', name: 'Import', config: {}, matchMode: 'all' });
    source = { id: created.id, orgId: hub.orgId, name: created.name, matchMode: 'all' };
  });
  beforeEach(() => published());

  it('publishes routed, replied and status milestones with who and what, and nothing for a note', async () => {
    const conversationId = await open('Where is my refund?');
    assert.deepEqual((await published()).map((m) => [m.conversationId, m.kind, m.personId]), [[conversationId, 'routed', null]]);
    await addNote(db(), hub, conversationId, 'checking the order', []);
    assert.deepEqual(await published(), []);
    const replyId = randomUUID();
    await recordAnswer(db(), hub.orgId, conversationId, { replyId, authorId: ann, publishedAt: new Date(), url: null, network: 'file' });
    assert.deepEqual((await published()).map((m) => [m.kind, m.personId, m.replyId, m.status]), [['replied', ann, replyId, null], ['status', null, null, 'waiting']]);
    const lead = { ...hub, personId: ann, via: 'session' as const, roles: [{ role: 'hub_admin' as const, spokeId: null }] };
    await changeConversation(db(), lead, conversationId, setStatus('resolved'));
    const [resolved] = await published();
    assert.deepEqual([resolved!.kind, resolved!.status, resolved!.personId], ['status', 'resolved', ann]);
    assert.ok(Math.abs(Date.parse(resolved!.at) - Date.now()) < 60_000);
  });

  it('reads a conversation\'s measures: opened, answered, resolved and the SLA due times', async () => {
    const conversationId = await open('I need a refund for the toaster');
    await recordAnswer(db(), hub.orgId, conversationId, { replyId: randomUUID(), authorId: ann, publishedAt: new Date(), url: null, network: 'file' });
    const [measures] = await conversationMeasuresOf(db(), hub.orgId, [conversationId, randomUUID()]);
    const [state] = await db().select().from(conversationStates).where(eq(conversationStates.conversationId, conversationId));
    assert.deepEqual(measures, {
      conversationId, spokeId: careId, openedAt: state!.createdAt, firstRespondedAt: state!.firstRespondedAt, firstResponseDueAt: state!.firstResponseDueAt,
      resolvedAt: null, resolutionDueAt: state!.resolutionDueAt,
    });
    assert.ok(measures!.firstRespondedAt && measures!.firstResponseDueAt && measures!.firstResponseDueAt > measures!.openedAt, 'answered, and due after it opened');
    assert.deepEqual(await conversationMeasuresOf(db(), (await createOrganization(db(), { slug: 'other', name: 'Other' })).id, [conversationId]), [], 'another organization reads nothing');
  });

  it('counts the backlog per spoke and in the hub queue: open, unassigned, overdue and how long customers waited', async () => {
    await db().execute(sql`update conversation_states set status = 'resolved'`);
    const late = await open('refund still missing after a month');
    await open('refund for a cushion, please');
    await open('Lovely shop window');
    await db().execute(sql`update conversation_states set assignee_id = null, status = 'new', last_customer_at = now() - interval '3 hours', first_response_due_at = now() - interval '2 hours' where conversation_id = ${late}`);
    const [care, queue, empty] = await openBacklogOf(db(), hub.orgId, [careId, null, randomUUID()]);
    assert.deepEqual([care!.spokeId, care!.open, care!.unassigned, care!.overdue], [careId, 2, 1, 1]);
    assert.ok(care!.oldestWaitingSince && Date.now() - care!.oldestWaitingSince.getTime() >= 3 * 3600_000 - 60_000);
    assert.ok(care!.medianWaitSeconds! > 3600 && care!.medianWaitSeconds! < 3 * 3600, `median ${care!.medianWaitSeconds}`);
    assert.deepEqual([queue!.spokeId, queue!.open, queue!.unassigned, queue!.overdue], [null, 1, 1, 0]);
    assert.deepEqual(empty, { spokeId: empty!.spokeId, open: 0, unassigned: 0, overdue: 0, oldestWaitingSince: null, medianWaitSeconds: null });
  });
});
