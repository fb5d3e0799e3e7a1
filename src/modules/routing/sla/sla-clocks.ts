// Starting an SLA clock: its due time in the spoke's business hours, and two durable
// timers on the job queue (a warning before, the breach at the due time). Timers are
// keyed by conversation, clock and due time, so each fires once however many
// workers run; a timer whose clock has since moved or stopped does nothing.
import { Type, type Static } from 'typebox';
import type { Database } from '../../../db/index.ts';
import { enqueueJobs, type JobDefinition } from '../../../jobs/index.ts';
import { dueAfter, type SlaCalendar } from './sla-calendar.ts';
import type { SlaPolicy } from './sla-policies.ts';

export const slaClocks = ['first_response', 'next_response', 'resolution'] as const;
export type SlaClock = (typeof slaClocks)[number];

export const SlaTimer = Type.Object({
  conversationId: Type.String({ format: 'uuid' }),
  clock: Type.Enum(slaClocks),
  dueAt: Type.String({ format: 'date-time' }),
  /** -1: the warning; 0, 1, …: the step of the escalation chain told. */
  step: Type.Integer({ minimum: -1 }),
});
export type SlaTimer = Static<typeof SlaTimer>;

export const minutesOf = (policy: SlaPolicy, clock: SlaClock) =>
  clock === 'first_response' ? policy.firstResponseMinutes : clock === 'next_response' ? policy.nextResponseMinutes : policy.resolutionMinutes;

export interface PlannedTimer { payload: SlaTimer; runAt: Date }

/** A clock started at `start`: its due time, and its timers (the warning, if it fits, and the breach). */
export function planSlaClock(conversationId: string, clock: SlaClock, start: Date, policy: SlaPolicy, calendar: SlaCalendar): { dueAt: Date; timers: PlannedTimer[] } {
  const minutes = minutesOf(policy, clock);
  const dueAt = dueAfter(start, minutes, calendar);
  const due = dueAt.toISOString();
  const timers: PlannedTimer[] = [{ payload: { conversationId, clock, dueAt: due, step: 0 }, runAt: dueAt }];
  if (policy.warnBeforeMinutes > 0 && policy.warnBeforeMinutes < minutes) {
    timers.unshift({ payload: { conversationId, clock, dueAt: due, step: -1 }, runAt: dueAfter(start, minutes - policy.warnBeforeMinutes, calendar) });
  }
  return { dueAt, timers };
}

/** Keyed by conversation, clock, due time and step: the same timer is never queued twice. */
export async function scheduleSlaTimers(db: Database, job: JobDefinition<typeof SlaTimer>, orgId: string, timers: readonly PlannedTimer[]): Promise<void> {
  await enqueueJobs(db, job, timers.map(({ payload, runAt }) => ({
    payload, options: { orgId, runAt, key: `sla:${payload.conversationId}:${payload.clock}:${payload.dueAt}:${payload.step}` },
  })));
}

/** Starts a clock at `start`: returns its due time and schedules the warning and the breach. */
export async function startSlaClock(
  db: Database, job: JobDefinition<typeof SlaTimer>, orgId: string, conversationId: string, clock: SlaClock, start: Date, policy: SlaPolicy, calendar: SlaCalendar,
): Promise<Date> {
  const { dueAt, timers } = planSlaClock(conversationId, clock, start, policy, calendar);
  await scheduleSlaTimers(db, job, orgId, timers);
  return dueAt;
}
