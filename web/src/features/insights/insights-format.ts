// Numbers in words for the dashboards: counts, rates, durations, the UTC days, hours,
// weeks and months the server counts in, and how a number moved since the period before.
import type { Interval, Period } from './types.ts';

export const count = (value: number) => value.toLocaleString();

/** A rate 0–1 in whole percent; null (nothing to measure) as a dash. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** "45 s", "7 min 30 s", "25 min", "3 h 10 min", "2 d 4 h": seconds under ten minutes, then whole minutes and hours. */
export function durationWords(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 600) return seconds % 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds / 60} min`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes / 60} h`;
  const hours = Math.round(minutes / 60);
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${hours / 24} d`;
}

const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
const dayFormat = utc({ dateStyle: 'medium' });
const hourFormat = utc({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const monthFormat = utc({ month: 'short', year: 'numeric' });

export const dayWords = (day: string) => dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
/** "1 Jun 2025 – 30 Jun 2025". */
export const periodWords = ({ from, to }: Period) => (from === to ? dayWords(from) : `${dayWords(from)} – ${dayWords(to)}`);
/** A month "YYYY-MM" (or any instant in it) as "Jun 2025". */
export const monthWords = (month: string) => monthFormat.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));

/** Where a bucket of a chart starts, in words (UTC, as the server counts). */
export function bucketWords(bucket: string, interval: Interval): string {
  switch (interval) {
    case 'hour': return `${hourFormat.format(new Date(bucket))} UTC`;
    case 'day': return dayWords(bucket);
    case 'week': return `Week of ${dayWords(bucket)}`;
    case 'month': return monthWords(bucket);
  }
}

export interface Change {
  direction: 'up' | 'down' | 'same';
  /** "+25 %", "−3 pts", "new", "no change". */
  text: string;
}

const signed = (value: number, unit: string) => `${value > 0 ? '+' : '−'}${Math.abs(value)} ${unit}`;

/** How a number moved: counts and times in percent of what they were; rates (0–1) in percentage points. */
export function changeBetween(current: number, previous: number, kind: 'amount' | 'rate'): Change {
  if (current === previous) return { direction: 'same', text: 'no change' };
  const direction = current > previous ? 'up' : 'down';
  if (kind === 'rate') {
    const points = Math.round((current - previous) * 100);
    return { direction, text: points === 0 ? `${direction === 'up' ? '+' : '−'}<1 pt` : signed(points, Math.abs(points) === 1 ? 'pt' : 'pts') };
  }
  if (previous === 0) return { direction, text: 'new' };
  const change = Math.round(((current - previous) / previous) * 100);
  return { direction, text: change === 0 ? `${direction === 'up' ? '+' : '−'}<1 %` : signed(change, '%') };
}
