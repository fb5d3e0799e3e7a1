// Recognition's periods in words: "this week" in a sentence, and the days a period
// covers (the server sends its end as the instant after the last day).
import type { PeriodName, PeriodView } from '../types.ts';

export const periodPhrases: Record<PeriodName, string> = { week: 'this week', month: 'this month', all: 'so far' };

const DAY_MS = 86_400_000;
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "1 Jun 2025 to 11 Jun 2025", "1 Jun 2025 to today", "all time": UTC days, as the server counts them. */
export function periodDays(period: PeriodView): string {
  if (!period.from && !period.to) return 'all time';
  const from = period.from ? dayFormat.format(new Date(period.from)) : 'the beginning';
  const to = period.to ? dayFormat.format(new Date(Date.parse(period.to) - DAY_MS)) : 'today';
  return `${from} to ${to}`;
}
