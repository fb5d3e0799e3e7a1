// What an SLA timer does when it fires: a warning to whoever holds the conversation,
// or, at the breach, the escalation chain one step at a time (assignee → spoke lead
// → hub by default), each step later by the policy's interval while nothing moves.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import type { JobDefinition } from '../../../jobs/index.ts';
import { leadsOf } from '../../people/index.ts';
import { conversationStates, type EscalationStep } from '../routing.schema.ts';
import { recordConversationEvent } from '../conversations/conversation-timeline.ts';
import { announceChange, tellPeople, type ConversationRef } from '../conversations/conversation-alerts.ts';
import { calendarOf, routingConfigurationOf } from '../routing-configuration.ts';
import { dueAfter } from './sla-calendar.ts';
import { scheduleSlaTimers, type SlaClock, type SlaTimer } from './sla-clocks.ts';

type State = typeof conversationStates.$inferSelect;

const DEFAULT_CHAIN: EscalationStep[] = ['assignee', 'spoke_lead', 'hub'];
const CLOCK_NAMES: Record<SlaClock, string> = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' };

function dueOf(state: State, clock: SlaClock): Date | null {
  return clock === 'first_response' ? state.firstResponseDueAt : clock === 'next_response' ? state.nextResponseDueAt : state.resolutionDueAt;
}

function clockStopped(state: State, clock: SlaClock): boolean {
  if (state.status === 'resolved' || state.noReplyNeeded || state.mergedInto) return true;
  if (clock === 'resolution') return false;
  return state.status === 'waiting' || (clock === 'first_response' && state.firstRespondedAt !== null);
}

/** Who a step reaches; a step with nobody falls through to the next one up. */
async function recipientsOf(db: Database, state: State, step: EscalationStep): Promise<string[]> {
  if (step === 'assignee' && state.assigneeId) return [state.assigneeId];
  if (step !== 'hub' && state.spokeId) {
    const leads = await leadsOf(db, state.orgId, state.spokeId);
    if (leads.length > 0) return leads.map((lead) => lead.personId);
  }
  return (await leadsOf(db, state.orgId, null)).map((lead) => lead.personId);
}

export async function fireSlaTimer(db: Database, job: JobDefinition<typeof SlaTimer>, orgId: string, timer: SlaTimer, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [state] = await tx.select().from(conversationStates)
      .where(and(eq(conversationStates.orgId, orgId), eq(conversationStates.conversationId, timer.conversationId))).for('update');
    // The clock has been restarted, stopped or met since this timer was set.
    if (!state || dueOf(state, timer.clock)?.toISOString() !== timer.dueAt || clockStopped(state, timer.clock)) return;
    const ref: ConversationRef = { orgId, conversationId: state.conversationId, spokeId: state.spokeId, assigneeId: state.assigneeId };
    const clockName = CLOCK_NAMES[timer.clock];
    if (timer.step < 0) {
      await recordConversationEvent(tx, orgId, state.conversationId, 'sla_warning', { clock: timer.clock, dueAt: timer.dueAt });
      await tellPeople(tx, ref, await recipientsOf(tx, state, 'assignee'), 'sla_warning', `The ${clockName} is due soon`, `Due at ${timer.dueAt}.`);
      await announceChange(tx, ref);
      return;
    }
    const configuration = await routingConfigurationOf(tx, orgId);
    const policy = configuration.policies.find((candidate) => candidate.id === state.slaPolicyId);
    const chain = policy?.escalation.length ? policy.escalation : DEFAULT_CHAIN;
    const step = chain[timer.step];
    if (!step) return;
    if (timer.step === 0) await recordConversationEvent(tx, orgId, state.conversationId, 'sla_breach', { clock: timer.clock, dueAt: timer.dueAt });
    const recipients = await recipientsOf(tx, state, step);
    await recordConversationEvent(tx, orgId, state.conversationId, 'escalated', { clock: timer.clock, step, level: timer.step + 1, notified: recipients });
    await tx.update(conversationStates).set({ escalationLevel: sql`greatest(${conversationStates.escalationLevel}, ${timer.step + 1})`, updatedAt: now })
      .where(eq(conversationStates.conversationId, state.conversationId));
    await tellPeople(tx, ref, recipients, 'sla_breach', `The ${clockName} time was missed`, `It was due at ${timer.dueAt}; escalated to ${step.replace('_', ' ')}.`);
    await announceChange(tx, ref);
    if (timer.step + 1 < chain.length) {
      const next = dueAfter(now, policy?.escalationIntervalMinutes ?? 30, calendarOf(configuration, state.spokeId));
      await scheduleSlaTimers(tx, job, orgId, [{ payload: { ...timer, step: timer.step + 1 }, runAt: next }]);
    }
  });
}
