// What the insights pages show lives in the address, so a view can be bookmarked, sent,
// and kept while moving between the pages: the period (the last 7, 30 or 90 UTC days up
// to today, or chosen days), the spoke, and whether the previous period is compared
// (on unless turned off). Defaults stay out of the address.
import { useSearchParams } from 'react-router';
import { lastUtcDays } from '../../ui/bar-chart.tsx';

export const presetDays = ['7', '30', '90'] as const;
export type PeriodChoice = (typeof presetDays)[number] | 'custom';
const DEFAULT_PERIOD = '30';

export interface DayRange {
  /** YYYY-MM-DD (UTC), included. */
  from: string;
  /** YYYY-MM-DD (UTC), included. */
  to: string;
}

export interface InsightsView {
  period: PeriodChoice;
  range: DayRange;
  /** Empty: everything the person may see. */
  spokeId: string;
  compare: boolean;
}

// `spokeId`, `from` and `to` as the weekly digest links to them.
export type InsightsParam = 'days' | 'from' | 'to' | 'spokeId' | 'compare';
export type ChangeView = (changes: Partial<Record<InsightsParam, string>>) => void;

const DAY_MS = 86_400_000;

/** A real day written YYYY-MM-DD (not 2025-02-30). */
const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const daysIn = (range: DayRange) => Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;

function rangeOfLast(days: string): DayRange {
  const shown = lastUtcDays(Number(days));
  return { from: shown[0]!, to: shown.at(-1)! };
}

export function useInsightsView(): [InsightsView, ChangeView] {
  const [search, setSearch] = useSearchParams();
  const from = search.get('from');
  const to = search.get('to');
  const preset = presetDays.find((days) => days === search.get('days')) ?? DEFAULT_PERIOD;
  const custom = isDay(from) && isDay(to);
  const view: InsightsView = {
    period: custom ? 'custom' : preset,
    range: custom ? { from, to } : rangeOfLast(preset),
    spokeId: search.get('spokeId') ?? '',
    compare: search.get('compare') !== 'off',
  };
  // An empty value takes the parameter out (back to its default). Applied at once (flushSync), not
  // as a transition: the checkbox and fields show the address, and would flick back until it changed.
  const change: ChangeView = (changes) => setSearch((current) => new URLSearchParams(
    Object.entries({ ...Object.fromEntries(current), ...changes }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ), { replace: true, flushSync: true });
  return [view, change];
}

/** The question every dashboard of the view asks. */
export const queryOf = (view: InsightsView) => ({
  ...view.range,
  ...(view.spokeId && { spokeId: view.spokeId }),
  ...(view.compare && { compare: 'previous' as const }),
});
