// An alert explains itself: which detector, what it measured, against what baseline,
// over which window, how far past its threshold, and which mentions to read first, so
// the PR lead can judge it without opening a chart.
import type { Sensitivity } from './detector-settings.ts';

export type CrisisDetectorKind = 'volume' | 'negativity' | 'category' | 'trigger-word' | 'high-reach';

export interface CrisisAlert {
  organizationId: string;
  topicId: string;
  detector: CrisisDetectorKind;
  /** What the alert is about within its detector: the category, the trigger word or the author; null for volume and negativity. */
  subject: string | null;
  /** When the detector fired (epoch milliseconds, stream time). */
  at: number;
  /** What was measured, e.g. "mentions" or "share of negative mentions". */
  metric: string;
  observed: number;
  /** What the learned baseline expected over the same window (for high-reach: the followers threshold). */
  baseline: number;
  /** The span the observation covers (epoch milliseconds). */
  window: { start: number; end: number };
  score: number;
  threshold: number;
  /** What the score is, e.g. "Poisson CUSUM log-likelihood ratio, 2× against the baseline". */
  test: string;
  sensitivity: Sensitivity;
  /** The latest mentions behind the alert, newest first. */
  sampleMentionIds: string[];
  /** One sentence saying all of the above. */
  summary: string;
}

/** Alerts shared by all calls that raise none, so the common case allocates nothing. */
export const NO_ALERTS: readonly CrisisAlert[] = Object.freeze([]);

/** "14:02 UTC" or "2015-02-22 14:02 UTC" when the window crosses days: for summaries. */
export function formatTime(at: number, withDate = false): string {
  const iso = new Date(at).toISOString();
  return `${withDate ? `${iso.slice(0, 10)} ` : ''}${iso.slice(11, 16)} UTC`;
}

/** "12 minutes", "3.5 hours": a window's length for summaries. */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `${Math.round(minutes / 6) / 10} hours`;
}

export const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
