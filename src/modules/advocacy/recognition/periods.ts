// The period a leaderboard or the participation covers: this week (from Monday), this
// month, all time, or the days from and to (both included). Days and weeks are UTC
// days, the same for everyone in the organization, so a leaderboard is one table.
import { invalid } from '../../../errors.ts';

export const periodNames = ['week', 'month', 'all'] as const;
export type PeriodName = (typeof periodNames)[number];

export interface PeriodQuery {
  period?: PeriodName;
  /** YYYY-MM-DD, included. */
  from?: string;
  /** YYYY-MM-DD, included. */
  to?: string;
}

export interface Period {
  name: PeriodName | 'custom';
  /** Start, included; null: from the beginning. */
  from: Date | null;
  /** End, excluded; null: up to now. */
  to: Date | null;
}

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function periodOf(query: PeriodQuery, fallback: PeriodName, now = new Date()): Period {
  if (query.from !== undefined || query.to !== undefined) {
    const from = query.from === undefined ? null : dayStart(query.from);
    const to = query.to === undefined ? null : new Date(dayStart(query.to).getTime() + DAY_MS);
    if ([from, to].some((at) => at !== null && Number.isNaN(at.getTime()))) throw invalid([{ field: 'querystring.from', message: 'from and to are days, YYYY-MM-DD' }]);
    if (from && to && from >= to) throw invalid([{ field: 'querystring.to', message: 'must not be before from' }]);
    return { name: 'custom', from, to };
  }
  const name = query.period ?? fallback;
  const today = dayStart(now.toISOString().slice(0, 10));
  if (name === 'week') return { name, from: new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS), to: null };
  if (name === 'month') return { name, from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), to: null };
  return { name, from: null, to: null };
}

/** As the API shows it. */
export const viewPeriod = (period: Period) => ({ name: period.name, from: period.from?.toISOString() ?? null, to: period.to?.toISOString() ?? null });
