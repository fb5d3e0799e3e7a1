import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BIN_RATIO, LONGEST_SECONDS, OPEN_ENDED_BIN, binOf, boundsOf, percentileOfBins, timeAtRank, type BinCount } from './response-time-bins.ts';

/** percentile_cont: linear between the order statistics around q·(n−1). */
function exactPercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (position - low);
}

function binsOf(values: number[]): BinCount[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(binOf(value), (counts.get(binOf(value)) ?? 0) + 1);
  return [...counts].map(([bin, count]) => ({ bin, count }));
}

describe('response-time bins', () => {
  it('puts every time in the bin whose bounds hold it, from under a minute to 30 days and more', () => {
    assert.equal(binOf(0), 0);
    assert.equal(binOf(59), 0);
    assert.equal(binOf(60), 1);
    assert.equal(binOf(120), 4);
    assert.equal(binOf(LONGEST_SECONDS - 1), OPEN_ENDED_BIN - 1);
    assert.equal(binOf(LONGEST_SECONDS), OPEN_ENDED_BIN);
    assert.equal(binOf(10 * LONGEST_SECONDS), OPEN_ENDED_BIN);
    fc.assert(fc.property(fc.integer({ min: 0, max: LONGEST_SECONDS - 1 }), (seconds) => {
      const [lower, upper] = boundsOf(binOf(seconds));
      return lower <= seconds + 1e-6 && seconds < upper + 1e-6;
    }));
  });

  it('gives the nearest-rank median and 90th percentile to within one bin (a factor of 2^(1/3))', () => {
    const spread = fc.oneof(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 60, max: 3600 }), fc.integer({ min: 3600, max: 5 * 86_400 }));
    fc.assert(fc.property(fc.array(spread, { minLength: 1, maxLength: 400 }), fc.constantFrom(0.5, 0.9), (values, q) => {
      const sorted = [...values].sort((a, b) => a - b);
      const nearestRank = sorted[Math.ceil(q * sorted.length) - 1]!;
      const estimate = percentileOfBins(binsOf(values), q)!;
      const [lower, upper] = boundsOf(binOf(nearestRank));
      assert.ok(estimate >= Math.floor(lower) && estimate <= Math.ceil(upper), `q=${q}: ${estimate} outside [${lower}, ${upper}] of ${nearestRank}`);
    }), { numRuns: 300 });
  });

  it('agrees with percentile_cont within a bin\'s ratio on a realistic small set', () => {
    // 300 answers, log-uniform between 2 minutes and 2 days, as a spoke's week might look.
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 300 }, () => Math.round(120 * (86_400 * 2 / 120) ** next()));
    for (const q of [0.5, 0.9]) {
      const exact = exactPercentile(values, q);
      const estimate = percentileOfBins(binsOf(values), q)!;
      assert.ok(estimate / exact < BIN_RATIO && exact / estimate < BIN_RATIO, `q=${q}: ${estimate} vs ${exact}`);
    }
  });

  it('merges: the percentile of two sets\' summed bins is the percentile of the sets together', () => {
    const first = [30, 90, 400, 4000, 90_000];
    const second = [45, 45, 700, 86_400 * 3];
    const summed = new Map<number, number>();
    for (const { bin, count } of [...binsOf(first), ...binsOf(second)]) summed.set(bin, (summed.get(bin) ?? 0) + count);
    const merged = [...summed].map(([bin, count]) => ({ bin, count }));
    for (const q of [0.5, 0.9]) assert.equal(percentileOfBins(merged, q), percentileOfBins(binsOf([...first, ...second]), q));
  });

  it('reads nothing from no times, and the open-ended bin as 30 days', () => {
    assert.equal(percentileOfBins([], 0.5), null);
    assert.equal(percentileOfBins([{ bin: 3, count: 0 }], 0.5), null);
    assert.equal(percentileOfBins([{ bin: OPEN_ENDED_BIN, count: 4 }], 0.9), LONGEST_SECONDS);
    assert.equal(timeAtRank(0, 10, 0, 5), 30);
  });
});
