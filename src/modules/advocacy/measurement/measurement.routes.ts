// HTTP routes of advocacy's measurement: the summary, the tables per story, person,
// spoke and share (JSON pages, or `?format=csv` for the whole table as a download),
// and a person's own impact.
import type { FastifyReply } from 'fastify';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import {
  MeasurementListQuery, MeasurementQuery, MeasurementSummary, MyImpact, MyImpactQuery, PersonMeasurements, ShareMeasurementQuery, ShareMeasurements,
  SpokeMeasurements, StoryMeasurements,
} from './measurement.contract.ts';
import { measurementSummary, myImpact, personMeasurements, shareMeasurements, spokeMeasurements, storyMeasurements, type Numbers } from './measurement.ts';
import { csvTable, type CsvCell } from './csv-table.ts';

const tags = ['advocacy'];
/** One export's rows at most: a table is read in one statement, and a spreadsheet wants no more. */
const CSV_ROWS = 10_000;

const NUMBER_COLUMNS = ['shares', 'clicks', 'unique_clicks', 'reach', 'earned_media_value', 'currency', 'earned_media_value_sum'];
const numberCells = (row: Numbers): CsvCell[] => [row.shares, row.clicks, row.uniqueClicks, row.reach, row.earnedMediaValue.value, row.earnedMediaValue.currency, row.earnedMediaValue.expression];

/** How a table reads as CSV: its name in the file name, its columns, a row's cells. */
interface CsvLayout<Row> { table: string; columns: string[]; cells(row: Row): CsvCell[] }

const storyCsv: CsvLayout<Awaited<ReturnType<typeof storyMeasurements>>['items'][number]> = {
  table: 'stories', columns: ['story_id', 'title', 'url', 'status', 'sharers', ...NUMBER_COLUMNS],
  cells: (row) => [row.storyId, row.title, row.url, row.status, row.sharers, ...numberCells(row)],
};
const personCsv: CsvLayout<Awaited<ReturnType<typeof personMeasurements>>['items'][number]> = {
  table: 'people', columns: ['person_id', 'name', 'stories', ...NUMBER_COLUMNS],
  cells: (row) => [row.personId, row.name, row.stories, ...numberCells(row)],
};
const spokeCsv: CsvLayout<Awaited<ReturnType<typeof spokeMeasurements>>['items'][number]> = {
  table: 'spokes', columns: ['spoke_id', 'name', 'sharers', ...NUMBER_COLUMNS],
  cells: (row) => [row.spokeId, row.name, row.sharers, ...numberCells(row)],
};
const shareCsv: CsvLayout<Awaited<ReturnType<typeof shareMeasurements>>['items'][number]> = {
  table: 'shares', columns: ['share_id', 'shared_at', 'story_id', 'story_title', 'person_id', 'person_name', 'network', 'status', 'short_url', ...NUMBER_COLUMNS],
  cells: (row) => [row.shareId, row.sharedAt, row.storyId, row.storyTitle, row.personId, row.personName, row.network, row.status, row.shortUrl, ...numberCells(row)],
};

/** A table as asked: the JSON page, or with `format=csv` the whole table (up to CSV_ROWS) as a download. */
async function tableAnswer<Query extends { format: 'json' | 'csv'; limit: number; offset: number }, Row, Table extends { from: string; to: string; items: Row[] }>(
  reply: FastifyReply, { format, ...query }: Query, measure: (query: Omit<Query, 'format'>) => Promise<Table>, layout: CsvLayout<Row>,
): Promise<Table | FastifyReply> {
  if (format === 'json') return measure(query);
  const table = await measure({ ...query, limit: CSV_ROWS, offset: 0 });
  return reply.type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="advocacy-${layout.table}-${table.from}-${table.to}.csv"`)
    .send(csvTable(layout.columns, table.items.map(layout.cells)));
}

export function registerMeasurementRoutes(app: HerdApp, { db, config }: ModuleContext): void {
  app.get('/api/advocacy/measurement/summary', { schema: { tags, summary: 'Advocacy in a range of days: shares, clicks, unique clicks, reach and earned media value, with a daily series (the hub; spoke leads for their spokes)', querystring: MeasurementQuery, response: { 200: MeasurementSummary } } },
    async (request) => measurementSummary(db, actorOf(request), request.query));
  app.get('/api/advocacy/measurement/stories', { schema: { tags, summary: 'Numbers per story (JSON page, or ?format=csv)', querystring: MeasurementListQuery, response: { 200: StoryMeasurements } } },
    async (request, reply) => tableAnswer(reply, request.query, (query) => storyMeasurements(db, actorOf(request), query), storyCsv));
  app.get('/api/advocacy/measurement/people', { schema: { tags, summary: 'Numbers per person (JSON page, or ?format=csv)', querystring: MeasurementListQuery, response: { 200: PersonMeasurements } } },
    async (request, reply) => tableAnswer(reply, request.query, (query) => personMeasurements(db, actorOf(request), query), personCsv));
  app.get('/api/advocacy/measurement/spokes', { schema: { tags, summary: 'Numbers per spoke of the sharer (JSON page, or ?format=csv)', querystring: MeasurementListQuery, response: { 200: SpokeMeasurements } } },
    async (request, reply) => tableAnswer(reply, request.query, (query) => spokeMeasurements(db, actorOf(request), query), spokeCsv));
  app.get('/api/advocacy/measurement/shares', { schema: { tags, summary: 'Numbers per share, e.g. of one story (?storyId=) or person (?personId=) (JSON page, or ?format=csv)', querystring: ShareMeasurementQuery, response: { 200: ShareMeasurements } } },
    async (request, reply) => tableAnswer(reply, request.query, (query) => shareMeasurements(db, actorOf(request), config.publicUrl, query), shareCsv));
  app.get('/api/advocacy/me/impact', { schema: { tags, summary: 'Your own numbers: what your shares reached and earned, with your best shares', querystring: MyImpactQuery, response: { 200: MyImpact } } },
    async (request) => myImpact(db, actorOf(request), config.publicUrl, request.query));
}
