// Response times kept as counts on fixed log-scale bins, so a median or 90th percentile
// can be taken over any days, months, spokes or people by adding their counts: exact
// times cannot be merged that way, counts can. Bin 0 holds answers within a minute; then
// three bins per doubling (each ~26% wider than the last) up to 30 days; the last bin
// holds anything longer. A percentile is read inside its bin by interpolating on the log
// scale, so it is never further from the exact one than the width of one bin.

const MINUTE = 60;
/** Longer than this is "30 days or more". */
export const LONGEST_SECONDS = 30 * 24 * 3600;
const BINS_PER_DOUBLING = 3;
/** Bins 1…LAST_TIMED_BIN are timed; the one after holds everything from LONGEST_SECONDS on. */
const LAST_TIMED_BIN = Math.ceil(BINS_PER_DOUBLING * Math.log2(LONGEST_SECONDS / MINUTE));
export const OPEN_ENDED_BIN = LAST_TIMED_BIN + 1;
/** Bins 0…OPEN_ENDED_BIN: the length of a histogram row's array. */
export const BIN_COUNT = OPEN_ENDED_BIN + 1;
export const BIN_RATIO = 2 ** (1 / BINS_PER_DOUBLING);

export function binOf(seconds: number): number {
  if (seconds < MINUTE) return 0;
  if (seconds >= LONGEST_SECONDS) return OPEN_ENDED_BIN;
  return Math.min(LAST_TIMED_BIN, 1 + Math.floor(BINS_PER_DOUBLING * Math.log2(seconds / MINUTE) + 1e-9));
}

/** [lower, upper) of a bin in seconds. */
export function boundsOf(bin: number): [number, number] {
  if (bin <= 0) return [0, MINUTE];
  if (bin >= OPEN_ENDED_BIN) return [LONGEST_SECONDS, LONGEST_SECONDS];
  return [MINUTE * 2 ** ((bin - 1) / BINS_PER_DOUBLING), Math.min(LONGEST_SECONDS, MINUTE * 2 ** (bin / BINS_PER_DOUBLING))];
}

export interface BinCount { bin: number; count: number }

/** Where the fraction `q` (0 < q ≤ 1) of the times lies, in seconds; null with no times. `bins` in any order. */
export function percentileOfBins(bins: readonly BinCount[], q: number): number | null {
  const sorted = bins.filter((entry) => entry.count > 0).sort((a, b) => a.bin - b.bin);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  let before = 0;
  for (const { bin, count } of sorted) {
    if (before + count >= q * total) return timeAtRank(bin, count, before, q * total);
    before += count;
  }
  return null;
}

/**
 * The time of rank `rank` (counted from the fastest, fractional) when it falls in `bin`,
 * which holds `count` times after `before` faster ones: interpolated linearly in the
 * first bin (from zero), geometrically in the others.
 */
export function timeAtRank(bin: number, count: number, before: number, rank: number): number {
  const fraction = Math.min(1, Math.max(0, (rank - before) / count));
  const [lower, upper] = boundsOf(bin);
  const value = bin === 0 ? lower + (upper - lower) * fraction : lower * (upper / lower) ** fraction;
  return Math.round(value);
}
