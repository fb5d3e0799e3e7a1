// HTTP routes of insights: one GET per dashboard question under /api/insights, each
// answering JSON, or with `?format=csv` the same numbers as a download
// (insights.read: the hub, or a spoke lead for their spokes; crises: the hub only).
import type { FastifyReply } from 'fastify';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { ALL_PEOPLE } from './conversation-tables.ts';
import {
  AdvocacyAnswer, BacklogAnswer, BacklogQuery, CrisesAnswer, CrisesQuery, ParticipationAnswer, ResponseTimesAnswer, ScopedQuery,
  ShareOfVoiceAnswer, ShareOfVoiceQuery, SlaAnswer, TableQuery, VolumeAnswer, VolumeQuery,
} from './insights.contract.ts';
import {
  advocacyDashboard, backlogDashboard, crisesDashboard, participationDashboard, responseTimesDashboard, shareOfVoiceDashboard, slaDashboard, volumeDashboard,
} from './insights-dashboards.ts';
import {
  advocacyCsv, backlogCsv, crisesCsv, participationCsv, responseTimesCsv, sendComparedCsv, sendSnapshotCsv, shareOfVoiceCsv, slaCsv, volumeCsv, type CsvLayout, type WithPrevious,
} from './insights-csv.ts';

const tags = ['insights'];

/** A CSV export holds the whole table: every person, not the page asked for. */
const wholeTableForCsv = <Query extends { limit: number; offset: number }>(format: 'json' | 'csv', query: Query): Query => (format === 'csv' ? { ...query, ...ALL_PEOPLE } : query);

/** JSON, or the CSV of the same answer. */
async function answered<Query extends { format: 'json' | 'csv' }, Answer>(
  reply: FastifyReply, { format, ...query }: Query, ask: (query: Omit<Query, 'format'>) => Promise<WithPrevious<NoInfer<Answer>>>, layout: CsvLayout<Answer>,
): Promise<WithPrevious<Answer> | FastifyReply> {
  const answer = await ask(query);
  return format === 'csv' ? sendComparedCsv(reply, answer, layout) : answer;
}

export function registerInsightsRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.get('/api/insights/volume', { schema: { tags, summary: 'Mention volume by sentiment over time (per topic when topics are asked for)', querystring: VolumeQuery, response: { 200: VolumeAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => volumeDashboard(db, actorOf(request), query), volumeCsv));
  app.get('/api/insights/share-of-voice', { schema: { tags, summary: 'Share of voice between topics, with their sentiment', querystring: ShareOfVoiceQuery, response: { 200: ShareOfVoiceAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => shareOfVoiceDashboard(db, actorOf(request), query), shareOfVoiceCsv));
  app.get('/api/insights/response-times', { schema: { tags, summary: 'First response and resolution times (count, mean, median, p90) with SLA attainment, overall or by spoke, person, day, week or month', querystring: TableQuery, response: { 200: ResponseTimesAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => responseTimesDashboard(db, actorOf(request), wholeTableForCsv(request.query.format, query)), responseTimesCsv));
  app.get('/api/insights/sla', { schema: { tags, summary: 'SLA attainment (first response and resolution), overall or by spoke, person, day, week or month', querystring: TableQuery, response: { 200: SlaAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => slaDashboard(db, actorOf(request), wholeTableForCsv(request.query.format, query)), slaCsv));
  app.get('/api/insights/participation', { schema: { tags, summary: 'Who answered: replies, first responses and repliers per department (spoke) of the people who wrote them', querystring: ScopedQuery, response: { 200: ParticipationAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => participationDashboard(db, actorOf(request), query), participationCsv));
  app.get('/api/insights/advocacy', { schema: { tags, summary: 'Advocacy: shares, clicks, reach and earned media value, with a daily series', querystring: ScopedQuery, response: { 200: AdvocacyAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => advocacyDashboard(db, actorOf(request), query), advocacyCsv));
  app.get('/api/insights/crises', { schema: { tags, summary: 'Crisis alerts per month (the hub only)', querystring: CrisesQuery, response: { 200: CrisesAnswer } } },
    async (request, reply) => answered(reply, request.query, (query) => crisesDashboard(db, actorOf(request), query), crisesCsv));
  app.get('/api/insights/backlog', { schema: { tags, summary: 'The backlog now, per spoke and the hub queue: open, unassigned, overdue, and how long customers have waited', querystring: BacklogQuery, response: { 200: BacklogAnswer } } },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const answer = await backlogDashboard(db, actorOf(request), query);
      return format === 'csv' ? sendSnapshotCsv(reply, answer, backlogCsv) : answer;
    });
}
