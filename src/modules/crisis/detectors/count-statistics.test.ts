import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logFactorial, nextDispersion, poissonSurprise, shareDeviation } from './count-statistics.ts';

/** P(X ≥ count) by summing the probability mass directly: the reference. */
function poissonTail(count: number, mean: number): number {
  let below = 0;
  let term = Math.exp(-mean);
  for (let k = 0; k < count; k++) {
    below += term;
    term *= mean / (k + 1);
  }
  return 1 - below;
}

describe('count statistics', () => {
  it('logFactorial agrees with a direct sum, through the table and Stirling', () => {
    let direct = 0;
    for (let n = 1; n <= 600; n++) {
      direct += Math.log(n);
      assert.ok(Math.abs(logFactorial(n) - direct) <= 1e-9 * direct, `n = ${n}`);
    }
  });

  it('poissonSurprise is −log10 of the upper tail, and 0 at or below the mean', () => {
    const cases: [number, number][] = [[3, 0.5], [5, 1], [10, 2], [30, 10], [60, 40], [150, 100]];
    for (const [count, mean] of cases) {
      assert.ok(Math.abs(poissonSurprise(count, mean) - -Math.log10(poissonTail(count, mean))) < 1e-6, `${count} with mean ${mean}`);
    }
    assert.equal(poissonSurprise(4, 5), 0);
    assert.equal(poissonSurprise(0, 0), 0);
    assert.equal(poissonSurprise(1, 0), Infinity);
    assert.ok(poissonSurprise(3, 0.0005) > 10);
  });

  it('shareDeviation is signed, near the plain z for moderate cases, and 0 at the baseline', () => {
    assert.equal(shareDeviation(25, 100, 0.25), 0);
    // Continuity-corrected: 15 of 30 against 15% has an exact tail of about 1.6e-5 (4.15σ); uncorrected it read 4.5σ.
    assert.ok(Math.abs(shareDeviation(15, 30, 0.15) - 4.3) < 0.05);
    assert.ok(shareDeviation(10, 100, 0.25) < 0);
    const plainZ = (40 - 100 * 0.25) / Math.sqrt(100 * 0.25 * 0.75);
    assert.ok(Math.abs(shareDeviation(40, 100, 0.25) - plainZ) < 0.5);
    // In the tail of a small share the plain z overstates: 5 of 20 against 2% is not 7.2σ.
    assert.ok(shareDeviation(5, 20, 0.02) < (5 - 0.4) / Math.sqrt(20 * 0.02 * 0.98));
    assert.equal(shareDeviation(0, 0, 0.3), 0);
  });

  it('nextDispersion averages clipped squared residuals', () => {
    assert.equal(nextDispersion(1, 10, 10, 10, 0.5), 0.5);
    assert.equal(nextDispersion(1, 1_000, 10, 10, 1), 25, 'one huge residual is clipped');
  });
});
