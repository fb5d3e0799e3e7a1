// The days an impact view covers, as the server counts them: UTC days, both ends
// included, by default the last 30 up to today; and the period before it of the same
// length, to compare with.
import { lastUtcDays } from '../../../ui/bar-chart.tsx';

export interface DayRange {
  /** YYYY-MM-DD, included. */
  from: string;
  /** YYYY-MM-DD, included. */
  to: string;
}

export const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

/** Whether `value` is a real day written YYYY-MM-DD (not 2025-02-30). */
export const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dayNumber(value)) && dayOf(dayNumber(value)) === value;

export function defaultRange(): DayRange {
  const days = lastUtcDays(DEFAULT_DAYS);
  return { from: days[0]!, to: days.at(-1)! };
}

export const daysIn = (range: DayRange) => dayNumber(range.to) - dayNumber(range.from) + 1;

/** The same number of days just before `range`. */
export function previousRange(range: DayRange): DayRange {
  const start = dayNumber(range.from);
  return { from: dayOf(start - daysIn(range)), to: dayOf(start - 1) };
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "1 Jun 2025 – 30 Jun 2025" in the reader's words. */
export const rangeWords = (range: DayRange) => `${dayFormat.format(new Date(`${range.from}T00:00:00Z`))} – ${dayFormat.format(new Date(`${range.to}T00:00:00Z`))}`;
