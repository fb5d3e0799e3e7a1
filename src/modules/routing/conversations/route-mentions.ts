// The routing step of the pipeline, run when triage has judged new mentions: a new
// conversation goes through the rules to a spoke (or the hub), to a person chosen
// inside it or to the spoke's queue, with its SLA clocks started; a conversation
// that already exists hears the customer again (and reopens if it was settled).
// Each conversation is routed in its own transaction under a row lock, and mentions
// it has handled (by arrival order) are skipped, so a retried job assigns nothing twice.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { mentionsForEnrichment, type MentionToEnrich } from '../../listening/index.ts';
import { triageVerdictsOf, type TriageVerdicts } from '../../triage/index.ts';
import { conversationStates, routingRules } from '../routing.schema.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import type { RoutableMention, RoutingRule } from '../rules/routing-rule.ts';
import { candidatesInSpoke, chooseWithinCapacity, skillTopicsFor } from '../assignment/assign-in-spoke.ts';
import { calendarOfSpoke } from '../sla/sla-calendar.ts';
import { slaPolicyFor } from '../sla/sla-policies.ts';
import { startSlaClock } from '../sla/sla-clocks.ts';
import { slaTimerJob } from '../sla/sla-timer.job.ts';
import { recordConversationEvent } from './conversation-timeline.ts';
import { announceChange, tellChannels, tellPeople, type ConversationRef } from './conversation-alerts.ts';

type State = typeof conversationStates.$inferSelect;
interface Arrival { mention: MentionToEnrich; verdicts: TriageVerdicts }

export interface RoutedConversation { conversationId: string; outcome: 'routed' | 'continued' | 'reopened' | 'already handled'; spokeId: string | null; assigneeId: string | null }

export async function loadRules(db: Database, orgId: string): Promise<RoutingRule[]> {
  const rows = await db.select().from(routingRules).where(eq(routingRules.orgId, orgId)).orderBy(routingRules.position, routingRules.createdAt);
  return rows.map((row) => ({ id: row.id, name: row.name, enabled: row.enabled, conditions: row.conditions, actions: row.actions, stop: row.stop }));
}

export function routableOf({ mention, verdicts }: Arrival): RoutableMention {
  return {
    text: mention.title ? `${mention.title}\n${mention.text}` : mention.text, topicIds: mention.topicIds, sourceId: mention.sourceId,
    categoryId: verdicts.categoryId, sentiment: verdicts.sentiment, urgency: verdicts.urgency, language: verdicts.language,
    placeSpokeId: verdicts.placeSpokeId, authorFollowers: mention.authorFollowers, postedAt: mention.postedAt,
  };
}

/** Null when another worker created the conversation's state first. */
async function routeNewConversation(tx: Database, orgId: string, rules: RoutingRule[], first: Arrival, last: Arrival, now: Date): Promise<RoutedConversation | null> {
  const { conversationId } = first.mention;
  const decision = evaluateRules(rules, routableOf(first));
  const { spokeId } = decision;
  const policy = decision.noReplyNeeded ? null : await slaPolicyFor(tx, orgId, decision.slaPolicyId, decision.priority);
  const choice = spokeId && !decision.noReplyNeeded
    ? await chooseWithinCapacity(tx, orgId, await candidatesInSpoke(tx, orgId, spokeId, first.mention.authorHandle), {
      skillTopics: skillTopicsFor(first.verdicts.categoryName), language: first.verdicts.language, minimumCertification: 0,
    }, now)
    : null;
  const assigneeId = choice?.personId ?? null;
  const [inserted] = await tx.insert(conversationStates).values({
    conversationId, orgId, spokeId, assigneeId, assignedAt: assigneeId ? now : null, authorHandle: first.mention.authorHandle,
    status: decision.noReplyNeeded ? 'resolved' : assigneeId ? 'assigned' : 'new', resolvedAt: decision.noReplyNeeded ? now : null,
    priority: decision.priority, tags: decision.tags, slaPolicyId: policy?.id ?? null, requireApproval: decision.requireApproval,
    noReplyNeeded: decision.noReplyNeeded, handledSeq: last.mention.seq, lastCustomerAt: last.mention.postedAt,
  }).onConflictDoNothing().returning();
  if (!inserted) return null;
  if (policy) {
    const calendar = await calendarOfSpoke(tx, orgId, spokeId);
    const firstResponseDueAt = await startSlaClock(tx, slaTimerJob, orgId, conversationId, 'first_response', now, policy, calendar);
    const resolutionDueAt = await startSlaClock(tx, slaTimerJob, orgId, conversationId, 'resolution', now, policy, calendar);
    await tx.update(conversationStates).set({ firstResponseDueAt, resolutionDueAt }).where(eq(conversationStates.conversationId, conversationId));
  }
  const trace = decision.trace.map(({ ruleId, name, outcome, warning }) => ({ ruleId, name, outcome, ...(warning && { warning }) }));
  await recordConversationEvent(tx, orgId, conversationId, 'routed', {
    spokeId, ruleId: decision.routedBy, priority: decision.priority, tags: decision.tags, noReplyNeeded: decision.noReplyNeeded, trace,
  });
  if (choice) await recordConversationEvent(tx, orgId, conversationId, assigneeId ? 'assigned' : 'queued', { personId: assigneeId, reasons: choice.reasons, verdicts: choice.verdicts });
  const ref: ConversationRef = { orgId, conversationId, spokeId, assigneeId };
  const excerpt = first.mention.text.slice(0, 200);
  if (assigneeId) await tellPeople(tx, ref, [assigneeId], 'assigned', 'A conversation was assigned to you', excerpt);
  await tellPeople(tx, ref, decision.notify.personIds, 'rule', `Routing rule: ${decision.trace.find((t) => t.outcome === 'matched')?.name ?? 'notify'}`, excerpt);
  await tellChannels(tx, ref, decision.notify.channelIds, 'New conversation', excerpt);
  await announceChange(tx, ref);
  return { conversationId, outcome: 'routed', spokeId, assigneeId };
}

async function continueConversation(tx: Database, state: State, fresh: Arrival[], now: Date): Promise<RoutedConversation> {
  const last = fresh.at(-1)!;
  const settled = state.status === 'waiting' || state.status === 'resolved';
  const patch: Partial<State> = { handledSeq: last.mention.seq, lastCustomerAt: last.mention.postedAt, snoozedUntil: null, updatedAt: now };
  const policy = await slaPolicyFor(tx, state.orgId, state.slaPolicyId, state.priority);
  if (settled) Object.assign(patch, { status: state.assigneeId ? 'assigned' : 'new', resolvedAt: null, noReplyNeeded: false });
  // Once someone has answered, each new message from the customer starts the next-response clock.
  if (policy && (settled || state.firstRespondedAt) && !state.nextResponseDueAt) {
    patch.nextResponseDueAt = await startSlaClock(tx, slaTimerJob, state.orgId, state.conversationId, 'next_response', now, policy, await calendarOfSpoke(tx, state.orgId, state.spokeId));
  }
  await tx.update(conversationStates).set(patch).where(eq(conversationStates.conversationId, state.conversationId));
  const ref: ConversationRef = { orgId: state.orgId, conversationId: state.conversationId, spokeId: state.spokeId, assigneeId: state.assigneeId };
  if (settled) await recordConversationEvent(tx, state.orgId, state.conversationId, 'reopened', { mentionIds: fresh.map((a) => a.mention.id), was: state.status });
  if (state.assigneeId) await tellPeople(tx, ref, [state.assigneeId], 'customer_wrote', settled ? 'A conversation was reopened' : 'The customer wrote again', last.mention.text.slice(0, 200));
  await announceChange(tx, ref);
  return { conversationId: state.conversationId, outcome: settled ? 'reopened' : 'continued', spokeId: state.spokeId, assigneeId: state.assigneeId };
}

async function routeConversation(db: Database, orgId: string, rules: RoutingRule[], arrivals: Arrival[], now: Date): Promise<RoutedConversation> {
  const conversationId = arrivals[0]!.mention.conversationId;
  const lockState = async (tx: Database) => (await tx.select().from(conversationStates)
    .where(and(eq(conversationStates.orgId, orgId), eq(conversationStates.conversationId, conversationId))).for('update'))[0];
  return db.transaction(async (tx) => {
    let state = await lockState(tx);
    if (!state) {
      const routed = await routeNewConversation(tx, orgId, rules, arrivals[0]!, arrivals.at(-1)!, now);
      if (routed) return routed;
      // Another worker routed it first: these mentions continue that conversation instead.
      state = (await lockState(tx))!;
    }
    const fresh = arrivals.filter((arrival) => arrival.mention.seq > state.handledSeq);
    if (fresh.length === 0) return { conversationId, outcome: 'already handled', spokeId: state.spokeId, assigneeId: state.assigneeId };
    return continueConversation(tx, state, fresh, now);
  });
}

/** Routes the conversations of newly triaged mentions; spam is left out of every inbox. */
export async function routeTriagedMentions(db: Database, orgId: string, mentionIds: readonly string[], now = new Date()): Promise<RoutedConversation[]> {
  const [mentions, verdicts] = await Promise.all([mentionsForEnrichment(db, orgId, mentionIds), triageVerdictsOf(db, orgId, mentionIds)]);
  const verdictOf = new Map(verdicts.map((verdict) => [verdict.mentionId, verdict]));
  const byConversation = new Map<string, Arrival[]>();
  for (const mention of mentions.sort((a, b) => a.seq - b.seq)) {
    const verdict = verdictOf.get(mention.id);
    if (!verdict || verdict.spam) continue;
    byConversation.set(mention.conversationId, [...(byConversation.get(mention.conversationId) ?? []), { mention, verdicts: verdict }]);
  }
  if (byConversation.size === 0) return [];
  const rules = await loadRules(db, orgId);
  const routed: RoutedConversation[] = [];
  for (const arrivals of byConversation.values()) routed.push(await routeConversation(db, orgId, rules, arrivals, now));
  return routed;
}
