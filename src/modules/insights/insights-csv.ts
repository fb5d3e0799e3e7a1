// The dashboards as CSV: each answer's rows under one header, the current period's rows
// first and the previous period's after them (a `period` column says which), and the
// file named after the table and the range.
import type { FastifyReply } from 'fastify';
import { csvTable, type CsvCell } from '../advocacy/index.ts';
import type { ConversationRow } from './conversation-tables.ts';
import type { Sentiments } from './mention-volume.ts';

/** How one period's answer reads as rows. */
export interface CsvLayout<Answer> { table: string; columns: string[]; rows(answer: Answer): CsvCell[][] }

interface Dated { from: string; to: string }
export type WithPrevious<Answer> = Answer & Dated & { previous?: Answer & Dated };

function send(reply: FastifyReply, fileName: string, columns: string[], rows: CsvCell[][]): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}.csv"`).send(csvTable(columns, rows));
}

export function sendComparedCsv<Answer>(reply: FastifyReply, answer: WithPrevious<Answer>, layout: CsvLayout<Answer>): FastifyReply {
  const periods: [string, Answer & Dated][] = [['current', answer], ...(answer.previous ? [['previous', answer.previous] as [string, Answer & Dated]] : [])];
  const rows = periods.flatMap(([period, dated]) => layout.rows(dated).map((cells) => [period, dated.from, dated.to, ...cells]));
  return send(reply, `insights-${layout.table}-${answer.from}-${answer.to}`, ['period', 'from', 'to', ...layout.columns], rows);
}

export function sendSnapshotCsv<Answer extends { at: string }>(reply: FastifyReply, answer: Answer, layout: CsvLayout<Answer>): FastifyReply {
  return send(reply, `insights-${layout.table}-${answer.at.slice(0, 10)}`, ['at', ...layout.columns], layout.rows(answer).map((cells) => [answer.at, ...cells]));
}

const SENTIMENT_COLUMNS = ['negative', 'neutral', 'positive', 'total', 'spam'];
const sentimentCells = (row: Sentiments): CsvCell[] => [row.negative, row.neutral, row.positive, row.total, row.spam];

export const volumeCsv: CsvLayout<{ series: ({ bucket: string; topicId: string | null } & Sentiments)[] }> = {
  table: 'volume', columns: ['bucket', 'topic_id', ...SENTIMENT_COLUMNS],
  rows: (answer) => answer.series.map((point) => [point.bucket, point.topicId, ...sentimentCells(point)]),
};

export const shareOfVoiceCsv: CsvLayout<{ topics: ({ topicId: string; name: string | null; share: number; netSentiment: number | null } & Sentiments)[] }> = {
  table: 'share-of-voice', columns: ['topic_id', 'topic', 'share', ...SENTIMENT_COLUMNS, 'net_sentiment'],
  rows: (answer) => answer.topics.map((topic) => [topic.topicId, topic.name, topic.share, ...sentimentCells(topic), topic.netSentiment]),
};

const TIME_COLUMNS = ['count', 'mean_seconds', 'median_seconds', 'p90_seconds'];
const SLA_COLUMNS = ['sla_met', 'sla_missed', 'sla_attainment'];
const slaCells = (sla: ConversationRow['firstResponse']['sla']): CsvCell[] => [sla.met, sla.missed, sla.attainment];
const timeCells = (times: ConversationRow['firstResponse']): CsvCell[] => [times.count, times.meanSeconds, times.medianSeconds, times.p90Seconds, ...slaCells(times.sla)];
const prefixed = (prefix: string, columns: string[]) => columns.map((column) => `${prefix}_${column}`);

export const responseTimesCsv: CsvLayout<{ rows: ConversationRow[] }> = {
  table: 'response-times',
  columns: ['key', 'name', 'opened', 'replies', ...prefixed('first_response', [...TIME_COLUMNS, ...SLA_COLUMNS]), ...prefixed('resolution', [...TIME_COLUMNS, ...SLA_COLUMNS])],
  rows: (answer) => answer.rows.map((row) => [row.key, row.name, row.opened, row.replies, ...timeCells(row.firstResponse), ...timeCells(row.resolution)]),
};

type SlaRow = { key: string | null; name: string | null; firstResponse: ConversationRow['firstResponse']['sla']; resolution: ConversationRow['resolution']['sla'] };
export const slaCsv: CsvLayout<{ rows: SlaRow[] }> = {
  table: 'sla', columns: ['key', 'name', ...prefixed('first_response', SLA_COLUMNS), ...prefixed('resolution', SLA_COLUMNS)],
  rows: (answer) => answer.rows.map((row) => [row.key, row.name, ...slaCells(row.firstResponse), ...slaCells(row.resolution)]),
};

type BacklogRow = { spokeId: string | null; name: string; open: number; unassigned: number; overdue: number; oldestWaitSeconds: number | null; medianWaitSeconds: number | null };
export const backlogCsv: CsvLayout<{ at: string; spokes: BacklogRow[] }> = {
  table: 'backlog', columns: ['spoke_id', 'name', 'open', 'unassigned', 'overdue', 'oldest_wait_seconds', 'median_wait_seconds'],
  rows: (answer) => answer.spokes.map((row) => [row.spokeId, row.name, row.open, row.unassigned, row.overdue, row.oldestWaitSeconds, row.medianWaitSeconds]),
};

type ParticipationRow = { spokeId: string | null; name: string; members: number | null; repliers: number; replies: number; firstResponses: number; participation: number | null };
export const participationCsv: CsvLayout<{ spokes: ParticipationRow[] }> = {
  table: 'participation', columns: ['spoke_id', 'name', 'members', 'repliers', 'replies', 'first_responses', 'participation'],
  rows: (answer) => answer.spokes.map((row) => [row.spokeId, row.name, row.members, row.repliers, row.replies, row.firstResponses, row.participation]),
};

type AdvocacyNumbers = { shares: number; clicks: number; uniqueClicks: number; reach: number };
type AdvocacyAnswer = AdvocacyNumbers & { earnedMediaValue: { value: number; currency: string }; days: (AdvocacyNumbers & { day: string })[] };
/** One row per day, then the range's total with its earned media value. */
export const advocacyCsv: CsvLayout<AdvocacyAnswer> = {
  table: 'advocacy', columns: ['day', 'shares', 'clicks', 'unique_clicks', 'reach', 'earned_media_value', 'currency'],
  rows: (answer) => [
    ...answer.days.map((day) => [day.day, day.shares, day.clicks, day.uniqueClicks, day.reach, null, null]),
    ['total', answer.shares, answer.clicks, answer.uniqueClicks, answer.reach, answer.earnedMediaValue.value, answer.earnedMediaValue.currency],
  ],
};

export const crisesCsv: CsvLayout<{ months: { month: string; crises: number; alerts: number; acknowledged: number }[] }> = {
  table: 'crises', columns: ['month', 'crises_opened', 'alerts', 'alerts_acknowledged'],
  rows: (answer) => answer.months.map((month) => [month.month, month.crises, month.alerts, month.acknowledged]),
};
