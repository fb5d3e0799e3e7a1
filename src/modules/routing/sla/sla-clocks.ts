// Starting an SLA clock: its due time in the spoke's business hours, and two durable
// timers on the job queue (a warning before, the breach at the due time). Timers are
// keyed by conversation, clock and due time, so each fires once however many
// workers run; a timer whose clock has since moved or stopped does nothing.
import { Type, type Static } from 'typebox';
import type { Database } from '../../../db/index.ts';
import { enqueueJob, type JobDefinition } from '../../../jobs/index.ts';
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

export async function scheduleSlaTimer(db: Database, job: JobDefinition<typeof SlaTimer>, orgId: string, timer: SlaTimer, runAt: Date): Promise<void> {
  await enqueueJob(db, job, timer, { orgId, runAt, key: `sla:${timer.conversationId}:${timer.clock}:${timer.dueAt}:${timer.step}` });
}

/** Starts a clock at `start`: returns its due time and schedules the warning and the breach. */
export async function startSlaClock(
  db: Database, job: JobDefinition<typeof SlaTimer>, orgId: string, conversationId: string, clock: SlaClock, start: Date, policy: SlaPolicy, calendar: SlaCalendar,
): Promise<Date> {
  const minutes = minutesOf(policy, clock);
  const dueAt = dueAfter(start, minutes, calendar);
  const due = dueAt.toISOString();
  if (policy.warnBeforeMinutes > 0 && policy.warnBeforeMinutes < minutes) {
    await scheduleSlaTimer(db, job, orgId, { conversationId, clock, dueAt: due, step: -1 }, dueAfter(start, minutes - policy.warnBeforeMinutes, calendar));
  }
  await scheduleSlaTimer(db, job, orgId, { conversationId, clock, dueAt: due, step: 0 }, dueAt);
  return dueAt;
}
