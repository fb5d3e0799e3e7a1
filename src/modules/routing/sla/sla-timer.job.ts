// The durable SLA timer: a job per warning and per escalation step, run once.
import { defineJob } from '../../../jobs/index.ts';
import { SlaTimer } from './sla-clocks.ts';
import { fireSlaTimer } from './sla-escalation.ts';

export const slaTimerJob = defineJob({
  kind: 'routing.sla-timer',
  payload: SlaTimer,
  handle: async (timer, { db, orgId }) => { await fireSlaTimer(db, slaTimerJob, orgId!, timer); },
});
