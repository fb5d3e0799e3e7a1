// The days a measurement covers: `from` and `to` are UTC days, both included, as
// clicks are counted per UTC day (see links/visitor-hash.ts). Without them: the last
// 30 days up to today.
import { invalid } from '../../../errors.ts';

export interface MeasurementRange {
  /** YYYY-MM-DD, included. */
  from: string;
  /** YYYY-MM-DD, included. */
  to: string;
  /** The first instant of `from`. */
  start: Date;
  /** The first instant after `to`. */
  end: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DAYS = 30;
/** A bound on one question's work: ten years of days. */
const MAX_DAYS = 3660;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

function instantOf(day: string, field: string): Date {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime()) || dayOf(at) !== day) throw invalid([{ field: `query.${field}`, message: 'must be a day YYYY-MM-DD' }]);
  return at;
}

export function measurementRangeOf(query: { from?: string; to?: string }, now = new Date()): MeasurementRange {
  const to = query.to ?? dayOf(now);
  const end = new Date(instantOf(to, 'to').getTime() + DAY_MS);
  const from = query.from ?? dayOf(new Date(end.getTime() - DEFAULT_DAYS * DAY_MS));
  const start = instantOf(from, 'from');
  if (start >= end) throw invalid([{ field: 'query.from', message: 'must be on or before to' }]);
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) throw invalid([{ field: 'query.from', message: `a range spans at most ${MAX_DAYS} days` }]);
  return { from, to, start, end };
}
