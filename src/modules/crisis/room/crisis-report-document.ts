// The report as a plain document (title, facts, headings, tables, paragraphs), written
// once here and rendered as HTML or Markdown: both formats say the same things. Texts
// stay raw here; each renderer escapes every one of them for its format.
import type { CrisisReport } from './crisis-report.ts';
import { formatDuration, minutesText, reportTime } from './crisis-report.ts';

/** A table cell: text, or text linking to a web address. */
export type Cell = string | { text: string; href: string };

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; columns: string[]; rows: Cell[][]; numeric?: number[] }
  | { kind: 'paragraph'; text: string };

const timelineLabels: Record<string, string> = {
  opened: 'Opened', status: 'Change', severity: 'Severity', owner: 'Owner', note: 'Note', alert: 'Alert', statement: 'Holding statement',
  'reply-published': 'Reply published', effect: 'Effect',
};

/** Only web addresses become links: a `javascript:` address typed somewhere must never be one. */
const link = (text: string, url: string | null): Cell => (url && /^https?:\/\//i.test(url) ? { text, href: url } : text);

const tableOrNone = (columns: string[], rows: Cell[][], numeric?: number[]): Block =>
  (rows.length > 0 ? { kind: 'table', columns, rows, numeric } : { kind: 'paragraph', text: 'None.' });

function summary({ crisis, durationMinutes, generatedAt }: CrisisReport): Block[] {
  return [
    { kind: 'title', text: `Crisis report: ${crisis.title}` },
    { kind: 'facts', rows: [
      ['Severity', crisis.severity], ['Status', crisis.status], ['Owner', crisis.ownerName ?? '—'],
      ['Opened', reportTime(crisis.openedAt)], ['Closed', crisis.closedAt ? reportTime(crisis.closedAt) : 'still open'],
      ['Duration', `${formatDuration(durationMinutes)}${crisis.closedAt ? '' : ' so far'}`],
      ['Topics', crisis.topics.map((topic) => topic.name).join(', ') || '—'], ['Crisis team', crisis.crisisTeamSpokeName ?? '—'],
      ['Report written', reportTime(generatedAt)],
    ] },
  ];
}

function volumes({ hourly, bucketMinutes }: CrisisReport): Block[] {
  const total = (key: 'mentions' | 'negative' | 'neutral' | 'positive') => hourly.reduce((sum, bucket) => sum + bucket[key], 0);
  const per = bucketMinutes === 60 ? 'hour' : `${bucketMinutes / 60} hours`;
  return [
    { kind: 'heading', text: `Volumes per ${per}` },
    { kind: 'paragraph', text: `Mentions on the crisis's topics from an hour before it opened, per ${per} (UTC): ${total('mentions')} in all, ${total('negative')} negative, ${total('neutral')} neutral, ${total('positive')} positive (spam left out).` },
    tableOrNone(['From (UTC)', 'Mentions', 'Negative', 'Neutral', 'Positive'],
      hourly.map((bucket) => [reportTime(bucket.at), String(bucket.mentions), String(bucket.negative), String(bucket.neutral), String(bucket.positive)]), [1, 2, 3, 4]),
  ];
}

function responseTimes({ responseTimes: times }: CrisisReport): Block[] {
  return [
    { kind: 'heading', text: 'Response times' },
    { kind: 'paragraph', text: 'First response on the conversations about its topics that were routed while the crisis was open: wall-clock minutes from routing to the first reply.' },
    { kind: 'facts', rows: [
      ['Conversations', String(times.conversations)], ['Answered', String(times.answered)],
      ['Median first response', minutesText(times.medianMinutes)], ['90th percentile', minutesText(times.p90Minutes)],
    ] },
  ];
}

function timeline({ timeline: entries, timelineCut }: CrisisReport): Block[] {
  return [
    { kind: 'heading', text: 'Timeline' },
    ...(timelineCut ? [{ kind: 'paragraph' as const, text: `Only the latest ${entries.length} entries are shown.` }] : []),
    tableOrNone(['Time', 'What', 'Who', 'Text'], entries.map((entry) => [reportTime(entry.at), timelineLabels[entry.kind] ?? entry.kind, entry.actorName ?? '—', entry.text])),
  ];
}

function published({ replies, statements }: CrisisReport): Block[] {
  return [
    { kind: 'heading', text: 'What was published' },
    { kind: 'paragraph', text: `Replies published on the crisis's topics (${replies.length}):` },
    tableOrNone(['Time', 'By', 'Network', 'Reply'], replies.map((reply) => [reportTime(reply.publishedAt), reply.authorName, reply.network, link(reply.text, reply.url)])),
    { kind: 'paragraph', text: `Holding statements on its topics (${statements.length}):` },
    tableOrNone(['Written', 'Title', 'Statement', 'Approved by', 'Expires'], statements.map((statement) => [
      reportTime(statement.createdAt), statement.title, statement.text, statement.approvedByName ?? '—', statement.expiresAt ? reportTime(statement.expiresAt) : 'never',
    ])),
  ];
}

export function reportDocument(report: CrisisReport): Block[] {
  return [...summary(report), ...volumes(report), ...responseTimes(report), ...timeline(report), ...published(report)];
}
