// The few statistics the detectors need, on counts: how surprising a Poisson count is,
// how far a share is from its baseline, and the overdispersion of real streams (bursts,
// threads, news) that makes Poisson's own variance too small.

const LOG_FACTORIALS: number[] = [0];
for (let n = 1; n <= 256; n++) LOG_FACTORIALS.push(LOG_FACTORIALS[n - 1]! + Math.log(n));

/** ln(n!), exactly from a table up to 256 and by Stirling's series above (error below 1e-10). */
export function logFactorial(n: number): number {
  if (n <= 256) return LOG_FACTORIALS[n]!;
  return (n + 0.5) * Math.log(n + 1) - (n + 1) + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * (n + 1)) - 1 / (360 * (n + 1) ** 3);
}

/**
 * −log10 of P(X ≥ count) for X Poisson with mean `expected`: 2 means "one chance in a
 * hundred". Only the tail above the mean is computed; a count at or below its mean is
 * not surprising and scores 0. With an expected 0 any count scores Infinity.
 */
export function poissonSurprise(count: number, expected: number): number {
  if (count <= expected || count <= 0) return 0;
  if (expected <= 0) return Infinity;
  // Sum the terms from `count` upwards in log space; each is expected/(k+1) times the previous, below 1 here.
  const logFirst = -expected + count * Math.log(expected) - logFactorial(count);
  let sum = 1;
  let term = 1;
  for (let k = count; term > 1e-12 * sum && k < count + 10_000; k++) {
    term *= expected / (k + 1);
    sum += term;
  }
  return -(logFirst + Math.log(sum)) / Math.LN10;
}

/**
 * How far `count` of `total` lies from the share `baselineShare`, in standard
 * deviations: the signed root of the binomial likelihood-ratio statistic,
 * sign · √(2·total·KL(observed share ‖ baseline share)), with the count moved half a
 * mention toward the expectation (a continuity correction: counts are whole, and small
 * windows would otherwise look more surprising than they are). Unlike the plain z it
 * stays accurate far in the tail and for small shares, where surges are judged.
 */
export function shareDeviation(count: number, total: number, baselineShare: number): number {
  if (total <= 0) return 0;
  const p = Math.min(Math.max(baselineShare, 1e-9), 1 - 1e-9);
  const expected = total * p;
  const corrected = Math.abs(count - expected) <= 0.5 ? expected : count > expected ? count - 0.5 : count + 0.5;
  const observed = corrected / total;
  const divergence = xLogXOverY(observed, p) + xLogXOverY(1 - observed, 1 - p);
  const magnitude = Math.sqrt(Math.max(0, 2 * total * divergence));
  return observed >= p ? magnitude : -magnitude;
}

const xLogXOverY = (x: number, y: number) => (x <= 0 ? 0 : x * Math.log(x / y));

/** Squared Pearson residuals are clipped here before averaging, so one burst cannot set the dispersion for a day. */
const MAX_SQUARED_RESIDUAL = 25;

/**
 * The next exponentially weighted estimate of the dispersion (observed variance over the
 * model's: 1 for Poisson or binomial counts) after one more block that saw `observed`
 * where the model expected `expected` with variance `variance`.
 */
export function nextDispersion(dispersion: number, observed: number, expected: number, variance: number, weight: number): number {
  const squaredResidual = Math.min(((observed - expected) * (observed - expected)) / variance, MAX_SQUARED_RESIDUAL);
  return dispersion + weight * (squaredResidual - dispersion);
}

/** Dispersion as the tests use it: never below Poisson's, never above `ceiling`. */
export const effectiveDispersion = (dispersion: number, ceiling: number) => Math.min(Math.max(dispersion, 1), ceiling);
