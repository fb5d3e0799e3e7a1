// The routing step of the pipeline, run when triage has judged new mentions: a new
// conversation goes through the rules to a spoke (or the hub), to a person chosen
// inside it or to the spoke's queue, with its SLA clocks started; a conversation
// that already exists hears the customer again (and reopens if it was settled).
// A batch is routed in one transaction, set-based (a few statements for all its new
// conversations); existing conversations are locked, and mentions already handled
// (by arrival order) are skipped, so a retried job assigns nothing twice.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertRows, type Database } from '../../../db/index.ts';
import { triagedMentionsOf, type TriagedMention } from '../../triage/index.ts';
import { conversationStates } from '../routing.schema.ts';
import { calendarOf, routingConfigurationOf, type RoutingConfiguration } from '../routing-configuration.ts';
import { evaluateRules, type RoutingDecision } from '../rules/evaluate-rules.ts';
import type { RoutableMention } from '../rules/routing-rule.ts';
import { skillTopicsFor } from '../assignment/assign-in-spoke.ts';
import { spokePools } from '../assignment/spoke-pools.ts';
import { chooseAssignee, type AssigneeChoice } from '../assignment/choose-assignee.ts';
import { choosePolicy, type SlaPolicy } from '../sla/sla-policies.ts';
import { planSlaClock, scheduleSlaTimers, startSlaClock } from '../sla/sla-clocks.ts';
import { notifyPeople } from '../notifications/index.ts';
import { publishLiveEvents } from '../live/index.ts';
import { slaTimerJob } from '../sla/sla-timer.job.ts';
import { recordConversationEvent, recordConversationEvents } from './conversation-timeline.ts';
import { announceChange, tellChannels, tellPeople, type ConversationRef } from './conversation-alerts.ts';

type State = typeof conversationStates.$inferSelect;
/** A mention as it arrives at routing: what listening heard and triage judged. */
type Arrival = TriagedMention;

export interface RoutedConversation { conversationId: string; outcome: 'routed' | 'continued' | 'reopened' | 'already handled'; spokeId: string | null; assigneeId: string | null }

export function routableOf(mention: Arrival): RoutableMention {
  return {
    text: mention.title ? `${mention.title}\n${mention.text}` : mention.text, topicIds: mention.topicIds, sourceId: mention.sourceId,
    categoryId: mention.categoryId, sentiment: mention.sentiment, urgency: mention.urgency, language: mention.language,
    placeSpokeId: mention.placeSpokeId, authorFollowers: mention.authorFollowers, postedAt: new Date(mention.postedAt),
  };
}

interface NewConversationPlan { arrivals: Arrival[]; decision: RoutingDecision; policy: SlaPolicy | null; choice: AssigneeChoice | null }

/** Decides every new conversation of the batch: rules, policy, and a person under the spokes' locks. */
async function planNewConversations(tx: Database, orgId: string, configuration: RoutingConfiguration, groups: Arrival[][], now: Date): Promise<NewConversationPlan[]> {
  const decided = groups.map((arrivals) => ({ arrivals, decision: evaluateRules(configuration.rules, routableOf(arrivals[0]!)) }));
  const assigned = decided.filter(({ decision }) => decision.spokeId && !decision.noReplyNeeded);
  const pools = await spokePools(tx, orgId, [...new Set(assigned.map(({ decision }) => decision.spokeId!))],
    [...new Set(assigned.flatMap(({ arrivals }) => (arrivals[0]!.authorHandle ? [arrivals[0]!.authorHandle] : [])))], { lock: true });
  return decided.map(({ arrivals, decision }) => {
    const first = arrivals[0]!;
    const policy = decision.noReplyNeeded ? null : choosePolicy(configuration.policies, decision.slaPolicyId, decision.priority);
    if (!decision.spokeId || decision.noReplyNeeded) return { arrivals, decision, policy, choice: null };
    const choice = chooseAssignee(pools.candidatesFor(decision.spokeId, first.authorHandle), {
      skillTopics: skillTopicsFor(first.categoryName), language: first.language, minimumCertification: 0,
    }, now);
    if (choice.personId) pools.recordAssignment(choice.personId, now);
    return { arrivals, decision, policy, choice };
  });
}

/** Inserts the states of new conversations; returns those inserted (another worker may have created some first). */
async function insertNewStates(tx: Database, states: (typeof conversationStates.$inferInsert)[]): Promise<Set<string>> {
  const { rows } = await tx.execute(sql`${insertRows(conversationStates, states)} on conflict do nothing returning conversation_id`) as unknown as { rows: { conversation_id: string }[] };
  return new Set(rows.map((row) => row.conversation_id));
}

/**
 * Routes the batch's new conversations in a handful of statements. Returns those it
 * created; one another worker created first is left out, to be continued instead.
 */
async function routeNewConversations(tx: Database, orgId: string, configuration: RoutingConfiguration, groups: Arrival[][], now: Date): Promise<RoutedConversation[]> {
  if (groups.length === 0) return [];
  const plans = await planNewConversations(tx, orgId, configuration, groups, now);
  const clocks = new Map(plans.map((plan) => {
    const conversationId = plan.arrivals[0]!.conversationId;
    const calendar = calendarOf(configuration, plan.decision.spokeId);
    return [conversationId, plan.policy ? {
      first: planSlaClock(conversationId, 'first_response', now, plan.policy, calendar), resolution: planSlaClock(conversationId, 'resolution', now, plan.policy, calendar),
    } : null];
  }));
  const inserted = await insertNewStates(tx, plans.map(({ arrivals, decision, policy, choice }) => {
    const first = arrivals[0]!;
    const assigneeId = choice?.personId ?? null;
    const clock = clocks.get(first.conversationId);
    return {
      conversationId: first.conversationId, orgId, spokeId: decision.spokeId, assigneeId, assignedAt: assigneeId ? now : null, authorHandle: first.authorHandle,
      status: decision.noReplyNeeded ? 'resolved' as const : assigneeId ? 'assigned' as const : 'new' as const, resolvedAt: decision.noReplyNeeded ? now : null,
      priority: decision.priority, tags: decision.tags, slaPolicyId: policy?.id ?? null, requireApproval: decision.requireApproval,
      noReplyNeeded: decision.noReplyNeeded, handledSeq: arrivals.at(-1)!.seq, lastCustomerAt: new Date(arrivals.at(-1)!.postedAt),
      firstResponseDueAt: clock?.first.dueAt ?? null, resolutionDueAt: clock?.resolution.dueAt ?? null,
    };
  }));
  const created = plans.filter((plan) => inserted.has(plan.arrivals[0]!.conversationId));
  await recordConversationEvents(tx, created.flatMap(({ arrivals, decision, choice }) => routingEvents(orgId, arrivals[0]!.conversationId, decision, choice)));
  await scheduleSlaTimers(tx, slaTimerJob, orgId, created.flatMap(({ arrivals }) => {
    const clock = clocks.get(arrivals[0]!.conversationId);
    return clock ? [...clock.first.timers, ...clock.resolution.timers] : [];
  }));
  await notifyPeople(tx, orgId, created.flatMap(({ arrivals, decision, choice }) => {
    const conversationId = arrivals[0]!.conversationId;
    const body = arrivals[0]!.text.slice(0, 200);
    const matched = decision.trace.find((trace) => trace.outcome === 'matched')?.name ?? 'notify';
    return [
      ...(choice?.personId ? [{ personIds: [choice.personId], kind: 'assigned', conversationId, title: 'A conversation was assigned to you', body }] : []),
      ...(decision.notify.personIds.length > 0 ? [{ personIds: decision.notify.personIds, kind: 'rule', conversationId, title: `Routing rule: ${matched}`, body }] : []),
    ];
  }));
  for (const { arrivals, decision, choice } of created) {
    const ref = { orgId, conversationId: arrivals[0]!.conversationId, spokeId: decision.spokeId, assigneeId: choice?.personId ?? null };
    await tellChannels(tx, ref, decision.notify.channelIds, 'New conversation', arrivals[0]!.text.slice(0, 200));
  }
  await publishLiveEvents(tx, created.map(({ arrivals, decision, choice }) => ({
    orgId, type: 'conversation.changed' as const, conversationId: arrivals[0]!.conversationId, spokeId: decision.spokeId, assigneeId: choice?.personId ?? null, participantIds: [],
  })));
  return created.map(({ arrivals, decision, choice }) => ({ conversationId: arrivals[0]!.conversationId, outcome: 'routed', spokeId: decision.spokeId, assigneeId: choice?.personId ?? null }));
}

/** What the timeline keeps of routing: the rules' trace, and "why me" (or why the queue). */
function routingEvents(orgId: string, conversationId: string, decision: RoutingDecision, choice: AssigneeChoice | null) {
  const trace = decision.trace.map(({ ruleId, name, outcome, warning }) => ({ ruleId, name, outcome, ...(warning && { warning }) }));
  return [
    { orgId, conversationId, kind: 'routed' as const, details: { spokeId: decision.spokeId, ruleId: decision.routedBy, priority: decision.priority, tags: decision.tags, noReplyNeeded: decision.noReplyNeeded, trace } },
    ...(choice ? [{ orgId, conversationId, kind: choice.personId ? 'assigned' as const : 'queued' as const, details: { personId: choice.personId, reasons: choice.reasons, verdicts: choice.verdicts } }] : []),
  ];
}

async function continueConversation(tx: Database, configuration: RoutingConfiguration, state: State, fresh: Arrival[], now: Date): Promise<RoutedConversation> {
  const last = fresh.at(-1)!;
  const settled = state.status === 'waiting' || state.status === 'resolved';
  const patch: Partial<State> = { handledSeq: last.seq, lastCustomerAt: new Date(last.postedAt), snoozedUntil: null, updatedAt: now };
  const policy = choosePolicy(configuration.policies, state.slaPolicyId, state.priority);
  if (settled) Object.assign(patch, { status: state.assigneeId ? 'assigned' : 'new', resolvedAt: null, noReplyNeeded: false });
  // Once someone has answered, each new message from the customer starts the next-response clock.
  if (policy && (settled || state.firstRespondedAt) && !state.nextResponseDueAt) {
    patch.nextResponseDueAt = await startSlaClock(tx, slaTimerJob, state.orgId, state.conversationId, 'next_response', now, policy, calendarOf(configuration, state.spokeId));
  }
  await tx.update(conversationStates).set(patch).where(eq(conversationStates.conversationId, state.conversationId));
  const ref: ConversationRef = { orgId: state.orgId, conversationId: state.conversationId, spokeId: state.spokeId, assigneeId: state.assigneeId };
  if (settled) await recordConversationEvent(tx, state.orgId, state.conversationId, 'reopened', { mentionIds: fresh.map((a) => a.id), was: state.status });
  if (state.assigneeId) await tellPeople(tx, ref, [state.assigneeId], 'customer_wrote', settled ? 'A conversation was reopened' : 'The customer wrote again', last.text.slice(0, 200));
  await announceChange(tx, ref);
  return { conversationId: state.conversationId, outcome: settled ? 'reopened' : 'continued', spokeId: state.spokeId, assigneeId: state.assigneeId };
}

/** Routes stored mentions that triage has judged (re-routing, tests): as the pipeline would. */
export async function routeStoredMentions(db: Database, orgId: string, mentionIds: readonly string[], now = new Date()): Promise<RoutedConversation[]> {
  return routeTriagedMentions(db, orgId, await triagedMentionsOf(db, orgId, mentionIds), now);
}

/** Routes the conversations of newly triaged mentions, in one transaction; spam is left out of every inbox. */
export async function routeTriagedMentions(db: Database, orgId: string, mentions: readonly TriagedMention[], now = new Date()): Promise<RoutedConversation[]> {
  const byConversation = new Map<string, Arrival[]>();
  for (const mention of [...mentions].sort((a, b) => a.seq - b.seq)) {
    if (!mention.spam) byConversation.set(mention.conversationId, [...(byConversation.get(mention.conversationId) ?? []), mention]);
  }
  if (byConversation.size === 0) return [];
  const configuration = await routingConfigurationOf(db, orgId);
  const ids = [...byConversation.keys()].sort();
  const routed: RoutedConversation[] = [];
  // A slice per transaction: statements stay a size the query builder takes, and locks are held briefly.
  for (let start = 0; start < ids.length; start += ROUTE_SLICE) {
    routed.push(...await routeSlice(db, orgId, configuration, ids.slice(start, start + ROUTE_SLICE), byConversation, now));
  }
  return routed;
}

const ROUTE_SLICE = 250;

async function routeSlice(db: Database, orgId: string, configuration: RoutingConfiguration, ids: string[], byConversation: Map<string, Arrival[]>, now: Date): Promise<RoutedConversation[]> {
  const lockStates = async (tx: Database, conversationIds: string[]) => tx.select().from(conversationStates)
    .where(and(eq(conversationStates.orgId, orgId), inArray(conversationStates.conversationId, conversationIds))).orderBy(conversationStates.conversationId).for('update');
  return db.transaction(async (tx) => {
    const existing = await lockStates(tx, ids);
    const known = new Set(existing.map((state) => state.conversationId));
    const routed = await routeNewConversations(tx, orgId, configuration, ids.filter((id) => !known.has(id)).map((id) => byConversation.get(id)!), now);
    const created = new Set(routed.map((r) => r.conversationId));
    // Conversations another worker created meanwhile are continued like any other.
    const raced = ids.filter((id) => !known.has(id) && !created.has(id));
    const results = [...routed];
    for (const state of [...existing, ...(raced.length > 0 ? await lockStates(tx, raced) : [])]) {
      const fresh = byConversation.get(state.conversationId)!.filter((arrival) => arrival.seq > state.handledSeq);
      results.push(fresh.length === 0
        ? { conversationId: state.conversationId, outcome: 'already handled', spokeId: state.spokeId, assigneeId: state.assigneeId }
        : await continueConversation(tx, configuration, state, fresh, now));
    }
    return results;
  });
}
