// The buckets of a chart over time: UTC hours, days, ISO weeks (from Monday) or months.
// Weeks and months at the edges of a range hold only its days, and are labelled by
// where the whole week or month starts.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { invalid } from '../../errors.ts';
import { daysIn, type InsightsRange } from './insights-range.ts';

export const intervals = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof intervals)[number];
/** Hourly charts are for short ranges: a month of hours is already 744 points. */
export const MAX_HOURLY_DAYS = 31;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function requireIntervalFits(range: InsightsRange, interval: Interval): void {
  if (interval === 'hour' && daysIn(range) > MAX_HOURLY_DAYS) {
    throw invalid([{ field: 'query.interval', message: `hourly charts cover at most ${MAX_HOURLY_DAYS} days; ask for days or a shorter range` }]);
  }
}

function bucketContaining(at: Date, interval: Interval): Date {
  switch (interval) {
    case 'hour': return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
    case 'day': return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
    // 1970-01-05 was a Monday: weeks start 4 days after a whole number of weeks from the epoch.
    case 'week': return new Date(Math.floor((at.getTime() - 4 * DAY_MS) / (7 * DAY_MS)) * 7 * DAY_MS + 4 * DAY_MS);
    case 'month': return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  }
}

function nextBucket(at: Date, interval: Interval): Date {
  switch (interval) {
    case 'hour': return new Date(at.getTime() + HOUR_MS);
    case 'day': return new Date(at.getTime() + DAY_MS);
    case 'week': return new Date(at.getTime() + 7 * DAY_MS);
    case 'month': return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  }
}

/** Every bucket the range touches, in order. */
export function bucketStartsOf(range: InsightsRange, interval: Interval): Date[] {
  const starts: Date[] = [];
  for (let at = bucketContaining(range.start, interval); at < range.end; at = nextBucket(at, interval)) starts.push(at);
  return starts;
}

/** The bucket of a rollup row's bucket_start, as epoch milliseconds (text, to group and key on). */
export const bucketKeySql = (bucketStart: AnyPgColumn, interval: Interval): SQL<string> =>
  sql<string>`(extract(epoch from date_trunc(${sql.raw(`'${interval}'`)}, ${bucketStart}, 'UTC')) * 1000)::bigint::text`;
