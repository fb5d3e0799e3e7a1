// The crisis report: what happened, in one self-contained document for the review after
// (and for those who never opened the room): summary, volumes per hour, response times,
// the whole timeline and what was published. Gathered here; crisis-report-html.ts and
// crisis-report-markdown.ts write it out.
import type { Database } from '../../../db/index.ts';
import { requireAccess, type Actor } from '../../people/index.ts';
import { firstResponseTimes, type FirstResponseTimes } from '../../routing/index.ts';
import { publishedReplies, type LibraryEntryView, type PublishedReply } from '../../respond/index.ts';
import type { SentimentBucket } from '../../triage/index.ts';
import { crisisOf, crisisWindow, viewCrisis, type CrisisView } from './crisis-records.ts';
import { conversationsOfCrisis, readTimeline, type TimelineEntry } from './crisis-timeline.ts';
import { seriesOf } from './crisis-signals.ts';
import { statementsOf } from './crisis-statements.ts';

/** More than any crisis room writes; the report says so when a list was cut. */
const REPORT_LIMIT = 2_000;
const HOUR_MS = 3_600_000;
const MAX_ROWS = 1_500;

export interface CrisisReport {
  crisis: CrisisView;
  generatedAt: Date;
  durationMinutes: number;
  /** 60, or a multiple of it for a crisis too long to tabulate hour by hour. */
  bucketMinutes: number;
  hourly: SentimentBucket[];
  responseTimes: FirstResponseTimes;
  /** Oldest first, as a report reads. */
  timeline: TimelineEntry[];
  timelineCut: boolean;
  replies: PublishedReply[];
  statements: LibraryEntryView[];
}

export async function gatherCrisisReport(db: Database, actor: Actor, crisisId: string, now = new Date()): Promise<CrisisReport> {
  requireAccess(actor, 'crisis.run');
  const crisis = await crisisOf(db, actor.orgId, crisisId);
  const window = crisisWindow(crisis, now);
  // Response times count the conversations routed while the crisis was open, not in the hour before.
  const open = { from: crisis.openedAt, to: window.to };
  const bucketMinutes = 60 * Math.max(1, Math.ceil((window.to.getTime() - window.from.getTime()) / HOUR_MS / MAX_ROWS));
  const [view, hourly, responseTimes, timeline, replies, statements] = await Promise.all([
    viewCrisis(db, crisis),
    seriesOf(db, crisis, bucketMinutes, now),
    firstResponseTimes(db, crisis.orgId, conversationsOfCrisis(db, crisis, open.from), open),
    readTimeline(db, crisis, { limit: REPORT_LIMIT }),
    publishedReplies(db, crisis.orgId, { limit: REPORT_LIMIT, on: { conversationIds: conversationsOfCrisis(db, crisis, window.from), ...window } }),
    statementsOf(db, actor, crisis),
  ]);
  return {
    crisis: view, generatedAt: now, durationMinutes: Math.max(0, Math.round((window.to.getTime() - crisis.openedAt.getTime()) / 60_000)),
    bucketMinutes, hourly, responseTimes, timeline: [...timeline.items].reverse(), timelineCut: timeline.nextCursor !== null,
    replies: [...replies].reverse(), statements,
  };
}

/** "2 d 3 h 5 min", "45 min". */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  return [days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', rest > 0 || minutes === 0 ? `${rest} min` : ''].filter(Boolean).join(' ');
}

/** A time as a report shows it: UTC, to the minute. */
export const reportTime = (at: Date | string | null) => (at === null ? '—' : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

export const minutesText = (value: number | null) => (value === null ? '—' : `${value} min`);

/** A file name for the download: the title's letters and digits, and the day it opened. */
export function reportFileName(report: CrisisReport, extension: string): string {
  const slug = report.crisis.title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'crisis';
  return `crisis-${slug}-${new Date(report.crisis.openedAt).toISOString().slice(0, 10)}.${extension}`;
}
