// Routing's background work: routing conversations as triage judges their mentions,
// the SLA timers, re-routing the work of people who leave, and notifications.
import { defineJob } from '../../jobs/index.ts';
import { mentionsTriaged } from '../triage/index.ts';
import { personLeft } from '../people/index.ts';
import { routeTriagedMentions } from './conversations/route-mentions.ts';
import { rerouteWorkOf } from './conversations/reroute-leavers-work.ts';
import { slaTimerJob } from './sla/sla-timer.job.ts';
import { notificationJobs } from './notifications/index.ts';

export const routeTriagedMentionsJob = defineJob({
  kind: 'routing.route-mentions',
  on: mentionsTriaged,
  payload: mentionsTriaged.payload,
  combine: (payloads) => ({ mentions: payloads.flatMap((p) => p.mentions) }),
  // The pipeline's last step (the assignee hears of it): finished before the next batch is triaged.
  priority: 10,
  handle: async ({ mentions }, { db, orgId }) => { await routeTriagedMentions(db, orgId!, mentions); },
});

export const rerouteLeaversWorkJob = defineJob({
  kind: 'routing.reroute-leavers-work',
  on: personLeft,
  payload: personLeft.payload,
  handle: async ({ personId }, { db, orgId }) => { await rerouteWorkOf(db, orgId!, personId); },
});

export const routingJobs = [routeTriagedMentionsJob, rerouteLeaversWorkJob, slaTimerJob, ...notificationJobs];
