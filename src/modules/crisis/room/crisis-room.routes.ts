// HTTP routes of the crisis room: crises (open, list, read, change), the timeline and
// notes, the volumes and mentions of its topics, holding statements and the report.
// Reading needs crisis.watch, running it crisis.run, statements also holding.manage.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import {
  CrisisInput, CrisisListQuery, CrisisPage, CrisisParams, CrisisPatch, CrisisView, HoldingStatement, HoldingStatementInput, HoldingStatementList,
  MentionPage, MentionQuery, NoteInput, ReportQuery, Series, SeriesQuery, TimelineEntry, TimelinePage, TimelineQuery,
} from './crisis-room.contract.ts';
import { getCrisis, listCrises, viewCrisis } from './crisis-records.ts';
import { changeCrisis, openCrisis } from './crisis-changes.ts';
import { addCrisisNote, crisisTimeline } from './crisis-timeline.ts';
import { crisisMentions, crisisSeries } from './crisis-signals.ts';
import { crisisStatements, publishStatement } from './crisis-statements.ts';
import { gatherCrisisReport, reportFileName } from './crisis-report.ts';
import { reportDocument } from './crisis-report-document.ts';
import { renderReportHtml } from './crisis-report-html.ts';
import { renderReportMarkdown } from './crisis-report-markdown.ts';

const tags = ['crisis'];
const params = CrisisParams;

const formats = {
  html: { type: 'text/html; charset=utf-8', extension: 'html', render: renderReportHtml },
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md', render: renderReportMarkdown },
};

export function registerCrisisRoomRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.post('/api/crises', { schema: { tags, summary: 'Open a crisis by hand or from an alert; active at once unless "monitoring" (its effects start with it)', body: CrisisInput, response: { 201: CrisisView } } },
    async (request, reply) => reply.status(201).send(await viewCrisis(db, await openCrisis(db, actorOf(request), request.body))));
  app.get('/api/crises', { schema: { tags, summary: 'Crises, newest opened first; filter by status', querystring: CrisisListQuery, response: { 200: CrisisPage } } },
    async (request) => listCrises(db, actorOf(request), request.query));
  app.get('/api/crises/:id', { schema: { tags, summary: 'One crisis, with the effects it holds now', params, response: { 200: CrisisView } } },
    async (request) => getCrisis(db, actorOf(request), request.params.id));
  app.patch('/api/crises/:id', { schema: { tags, summary: 'Change title, severity, status (closed is final), owner, topics or crisis team; effects follow', params, body: CrisisPatch, response: { 200: CrisisView } } },
    async (request) => viewCrisis(db, await changeCrisis(db, actorOf(request), request.params.id, request.body)));

  app.get('/api/crises/:id/timeline', { schema: { tags, summary: 'Its timeline, newest first: changes, notes, effects, statements, alerts on its topics and replies published on them', params, querystring: TimelineQuery, response: { 200: TimelinePage } } },
    async (request) => crisisTimeline(db, actorOf(request), request.params.id, request.query));
  app.post('/api/crises/:id/notes', { schema: { tags, summary: 'Add a note to its timeline', params, body: NoteInput, response: { 201: TimelineEntry } } },
    async (request, reply) => reply.status(201).send(await addCrisisNote(db, actorOf(request), request.params.id, request.body.text)));

  app.get('/api/crises/:id/series', { schema: { tags, summary: 'Mentions and their sentiment per bucket on its topics, from an hour before it opened until it closed (or now)', params, querystring: SeriesQuery, response: { 200: Series } } },
    async (request) => crisisSeries(db, actorOf(request), request.params.id, request.query.bucketMinutes));
  app.get('/api/crises/:id/mentions', { schema: { tags, summary: 'Mentions on its topics during its window, newest first', params, querystring: MentionQuery, response: { 200: MentionPage } } },
    async (request) => crisisMentions(db, actorOf(request), request.params.id, request.query));

  app.get('/api/crises/:id/statements', { schema: { tags, summary: 'Holding statements on its topics (the reply library\'s)', params, response: { 200: HoldingStatementList } } },
    async (request) => crisisStatements(db, actorOf(request), request.params.id));
  app.post('/api/crises/:id/statements', { schema: { tags, summary: 'Write a holding statement for its topics into the reply library (holding.manage)', params, body: HoldingStatementInput, response: { 201: HoldingStatement } } },
    async (request, reply) => reply.status(201).send(await publishStatement(db, actorOf(request), request.params.id, request.body)));

  app.get('/api/crises/:id/report', {
    schema: { tags, summary: 'The report as a self-contained document to download: summary, volumes per hour, response times, timeline, what was published', params, querystring: ReportQuery, produces: ['text/html', 'text/markdown'], response: { 200: Type.String({ description: 'an HTML page or a Markdown file' }) } },
  }, async (request, reply) => {
    const report = await gatherCrisisReport(db, actorOf(request), request.params.id);
    const format = formats[request.query.format];
    return reply.type(format.type)
      .header('content-disposition', `attachment; filename="${reportFileName(report, format.extension)}"`)
      .send(format.render(reportDocument(report)));
  });
}
