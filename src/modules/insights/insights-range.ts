// The days a dashboard question covers: `from` and `to` are UTC days, both included
// (rollups are filed by UTC hour, day and month). Without them: the 30 days up to today.
// The previous period is the same number of days just before, for comparisons; and a
// range splits into whole months and the days at its edges, so long ranges read month
// rows instead of hundreds of day rows.
import { invalid } from '../../errors.ts';

export interface InsightsRange {
  /** YYYY-MM-DD, included. */
  from: string;
  /** YYYY-MM-DD, included. */
  to: string;
  /** The first instant of `from`. */
  start: Date;
  /** The first instant after `to`. */
  end: Date;
}

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;
/** A year and a day: any year, with a day of overlap to compare against. */
export const MAX_RANGE_DAYS = 366;

const dayText = (at: Date) => at.toISOString().slice(0, 10);
const rangeOfInstants = (start: Date, end: Date): InsightsRange => ({ from: dayText(start), to: dayText(new Date(end.getTime() - DAY_MS)), start, end });

function startOfDay(day: string, field: 'from' | 'to'): Date {
  const at = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(at.getTime()) || dayText(at) !== day) throw invalid([{ field: `query.${field}`, message: 'must be a day YYYY-MM-DD' }]);
  return at;
}

export function insightsRangeOf(query: { from?: string; to?: string }, now = new Date()): InsightsRange {
  const end = new Date(startOfDay(query.to ?? dayText(now), 'to').getTime() + DAY_MS);
  const start = query.from === undefined ? new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS) : startOfDay(query.from, 'from');
  if (start >= end) throw invalid([{ field: 'query.from', message: 'must be on or before to' }]);
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) throw invalid([{ field: 'query.from', message: `a range spans at most ${MAX_RANGE_DAYS} days` }]);
  return rangeOfInstants(start, end);
}

/** The same number of days just before. */
export const previousRangeOf = (range: InsightsRange): InsightsRange =>
  rangeOfInstants(new Date(2 * range.start.getTime() - range.end.getTime()), range.start);

export const daysIn = (range: InsightsRange) => Math.round((range.end.getTime() - range.start.getTime()) / DAY_MS);

/** Where a span of rollup rows lies: rows of `period` with bucket_start in [from, to). */
export interface RollupSpan { period: 'day' | 'month'; from: Date; to: Date }

const firstOfMonth = (at: Date, monthsLater = 0) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + monthsLater, 1));

/** The range as whole UTC months and the days before and after them (only days when no month is whole). */
export function spansOf(range: InsightsRange): RollupSpan[] {
  const firstWhole = range.start.getTime() === firstOfMonth(range.start).getTime() ? range.start : firstOfMonth(range.start, 1);
  const afterWhole = firstOfMonth(range.end);
  if (firstWhole >= afterWhole) return [{ period: 'day', from: range.start, to: range.end }];
  return [
    { period: 'day' as const, from: range.start, to: firstWhole },
    { period: 'month' as const, from: firstWhole, to: afterWhole },
    { period: 'day' as const, from: afterWhole, to: range.end },
  ].filter((span) => span.from < span.to);
}
