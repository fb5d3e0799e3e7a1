// Insights: what the programme achieved, per organization, spoke, topic and range of
// days: mention volume and sentiment, share of voice, response times and SLA, the
// backlog, who answered, advocacy and crises. Rollups are kept current by jobs
// subscribed to the lower modules' events; dashboards read them; digests mail them weekly.
export { insightsModule } from './insights.module.ts';
export { countTriagedMentions } from './count-mentions.ts';
export { countConversationMilestones } from './count-milestones.ts';
export { insightsJobs, scheduleWeeklyDigest } from './insights.jobs.ts';
