// Crisis's background work: watching the mention stream as triage judges it, the minute
// tick that moves quiet topics' clocks, and escalating alerts nobody acknowledged.
import { defineJob } from '../../jobs/index.ts';
import { mentionsTriaged } from '../triage/index.ts';
import { escalateCrisisAlertJob } from './alert-escalation.ts';
import { tickCrisisClocksJob } from './crisis-tick.ts';
import { watchTriagedMentions } from './watch-triaged-mentions.ts';

export const watchTriagedMentionsJob = defineJob({
  kind: 'crisis.watch-mentions',
  on: mentionsTriaged,
  payload: mentionsTriaged.payload,
  // Under load, an organization's triaged batches are fed as one (in the order they were queued): one lock and one save per topic.
  combine: (payloads) => ({ mentions: payloads.flatMap((p) => p.mentions) }),
  handle: async ({ mentions }, { db, orgId }) => { await watchTriagedMentions(db, orgId!, mentions); },
});

export const crisisJobs = [watchTriagedMentionsJob, tickCrisisClocksJob, escalateCrisisAlertJob];
