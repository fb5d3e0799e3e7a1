// HTTP routes for routing: the rules with their preview, SLA policies and spoke
// calendars (the hub's), the inbox, one conversation, and what people do with it.
import { Type, type Static, type TSchema } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import type { Actor } from '../people/index.ts';
import {
  AssignInput, BulkInput, BulkReport, Calendar, EscalateInput, ExpertInput, InboxItem, InboxPage, InboxQuery, MergeInput, NoteInput,
  PreviewInput, Rule, RuleInput, RuleOrder, RulePatch, SlaPolicy, SlaPolicyInput, SlaPolicyPatch, SnoozeInput, StatusInput, TransferInput,
} from './routing.contract.ts';
import { createRule, deleteRule, listRules, reorderRules, updateRule } from './rules/rule-store.ts';
import { previewRouting } from './rules/routing-preview.ts';
import { createSlaPolicy, deleteSlaPolicy, getSpokeCalendar, listSlaPolicies, setSpokeCalendar, updateSlaPolicy } from './sla/sla-policy-store.ts';
import { listInbox, inboxItems } from './conversations/inbox.ts';
import { conversationView } from './conversations/conversation-view.ts';
import { assignTo, changeConversation, claim, escalate, mergeInto, setStatus, snooze, transfer, type Change } from './conversations/conversation-actions.ts';
import { acceptExpertRequest, addNote, askExpert } from './conversations/collaboration.ts';
import { bulkChange } from './conversations/bulk-actions.ts';
import type { ConversationState } from './conversations/conversation-access.ts';
import type { Database } from '../../db/index.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SpokeParams = Type.Object({ spokeId: Type.String({ format: 'uuid' }) });
const ConversationView = Type.Object({
  conversation: InboxItem, thread: Type.Array(Type.Any()), author: Type.Any(), timeline: Type.Array(Type.Any()),
  participants: Type.Array(Type.Object({ personId: Type.String(), name: Type.String(), reason: Type.String() })), expertRequests: Type.Array(Type.Any()), canWork: Type.Boolean(),
});

async function itemOf(db: Database, state: ConversationState) {
  return (await inboxItems(db, state.orgId, [state]))[0]!;
}

function registerRoutingAdminRoutes(app: HerdApp, db: Database): void {
  const tags = ['routing'];
  app.get('/api/routing/rules', { schema: { tags, summary: 'The routing rules, in the order they are tried', response: { 200: Type.Object({ items: Type.Array(Rule) }) } } },
    async (request) => ({ items: await listRules(db, actorOf(request)) }));
  app.post('/api/routing/rules', { schema: { tags, summary: 'Add a routing rule (tried last)', body: RuleInput, response: { 201: Rule } } },
    async (request, reply) => reply.status(201).send(await createRule(db, actorOf(request), request.body)));
  app.patch('/api/routing/rules/:id', { schema: { tags, summary: 'Change a routing rule', params: IdParams, body: RulePatch, response: { 200: Rule } } },
    async (request) => updateRule(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/routing/rules/:id', { schema: { tags, summary: 'Remove a routing rule', params: IdParams } }, async (request, reply) => {
    await deleteRule(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.put('/api/routing/rules/order', { schema: { tags, summary: 'Put the rules in a new order', body: RuleOrder, response: { 200: Type.Object({ items: Type.Array(Rule) }) } } },
    async (request) => ({ items: await reorderRules(db, actorOf(request), request.body.ids) }));
  app.post('/api/routing/preview', { schema: { tags, summary: 'Which rule fires for a mention, why, and who would get it', body: PreviewInput } },
    async (request) => previewRouting(db, actorOf(request), request.body));
  app.get('/api/routing/sla-policies', { schema: { tags, summary: 'SLA policies', response: { 200: Type.Object({ items: Type.Array(SlaPolicy) }) } } },
    async (request) => ({ items: await listSlaPolicies(db, actorOf(request)) }));
  app.post('/api/routing/sla-policies', { schema: { tags, summary: 'Add an SLA policy', body: SlaPolicyInput, response: { 201: SlaPolicy } } },
    async (request, reply) => reply.status(201).send(await createSlaPolicy(db, actorOf(request), request.body)));
  app.patch('/api/routing/sla-policies/:id', { schema: { tags, summary: 'Change an SLA policy (running clocks keep their due times)', params: IdParams, body: SlaPolicyPatch, response: { 200: SlaPolicy } } },
    async (request) => updateSlaPolicy(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/routing/sla-policies/:id', { schema: { tags, summary: 'Remove an SLA policy', params: IdParams } }, async (request, reply) => {
    await deleteSlaPolicy(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.get('/api/routing/calendars/:spokeId', { schema: { tags, summary: 'The business hours a spoke\'s SLA clocks count in', params: SpokeParams } },
    async (request) => getSpokeCalendar(db, actorOf(request), request.params.spokeId));
  app.put('/api/routing/calendars/:spokeId', { schema: { tags, summary: 'Set a spoke\'s business hours', params: SpokeParams, body: Calendar } },
    async (request) => setSpokeCalendar(db, actorOf(request), request.params.spokeId, request.body));
}

function registerInboxRoutes(app: HerdApp, db: Database): void {
  const tags = ['inbox'];
  app.get('/api/inbox', { schema: { tags, summary: 'Conversations in a view of the inbox, sorted by SLA due time or latest message', querystring: InboxQuery, response: { 200: InboxPage } } },
    async (request) => listInbox(db, actorOf(request), request.query));
  app.get('/api/conversations/:id', { schema: { tags, summary: 'A conversation with its thread, author, timeline and collaborators', params: IdParams, response: { 200: ConversationView } } },
    async (request) => conversationView(db, actorOf(request), request.params.id));
  /** A POST on one conversation that answers with the conversation as the inbox lists it. */
  const action = <B extends TSchema>(path: string, summary: string, body: B | undefined, run: (actor: Actor, id: string, input: Static<B>) => Promise<ConversationState>) =>
    app.post(`/api/conversations/:id/${path}`, { schema: { tags, summary, params: IdParams, ...(body && { body }), response: { 200: InboxItem } } },
      async (request) => itemOf(db, await run(actorOf(request), request.params.id, request.body as Static<B>)));
  const change = (run: Change) => (actor: Actor, id: string) => changeConversation(db, actor, id, run);
  action('claim', 'Take a conversation', undefined, change(claim));
  action('assign', 'Give a conversation to someone (spoke lead or hub)', AssignInput, (actor, id, input) => change(assignTo(input.personId, input.note))(actor, id));
  action('transfer', 'Hand a conversation to another spoke or person, with a note', TransferInput, (actor, id, input) => change(transfer(input))(actor, id));
  action('status', 'Wait on the customer, resolve, or open again', StatusInput, (actor, id, input) => change(setStatus(input.status))(actor, id));
  action('snooze', 'Hide a conversation until a time', SnoozeInput, (actor, id, input) => change(snooze(new Date(input.until)))(actor, id));
  action('merge', 'Merge this duplicate into another conversation', MergeInput, (actor, id, input) => change(mergeInto(input.intoConversationId))(actor, id));
  action('escalate', 'Escalate to the spoke lead, then the hub', EscalateInput, (actor, id, input) => change(escalate(input.note))(actor, id));
  action('notes', 'Add a private note; @mentioned colleagues join', NoteInput, (actor, id, input) => addNote(db, actor, id, input.text, input.mentionPersonIds));
  action('experts', 'Ask people with a skill to join', ExpertInput, (actor, id, input) => askExpert(db, actor, id, input.skill, input.question));
  app.post('/api/expert-requests/:id/accept', { schema: { tags, summary: 'Join a conversation as the expert asked for', params: IdParams, response: { 200: InboxItem } } },
    async (request) => itemOf(db, await acceptExpertRequest(db, actorOf(request), request.params.id)));
  app.post('/api/conversations/bulk', { schema: { tags, summary: 'One action over many conversations, with a result for each', body: BulkInput, response: { 200: BulkReport } } },
    async (request) => ({ results: await bulkChange(db, actorOf(request), request.body) }));
}

export function registerRoutingRoutes(app: HerdApp, { db }: ModuleContext): void {
  registerRoutingAdminRoutes(app, db);
  registerInboxRoutes(app, db);
}
