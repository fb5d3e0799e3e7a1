// When to poll (or reconnect to) a source next: its own interval while it is healthy, exponential backoff
// with jitter while it fails, and never sooner than the source asked (Retry-After).

const DEFAULT_MAX_DELAY_MS = 6 * 60 * 60 * 1000;
/** A Retry-After longer than this is treated as this, so a typo on the other side cannot silence a source for weeks. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Delay before the next poll, in milliseconds.
 * With no failures it is the base interval; after n consecutive failures it is
 * base * 2^n capped at maxDelayMs (default 6 hours), then scaled by a random factor in [0.5, 1)
 * ("equal jitter", so sources that failed together do not retry together).
 * A server's Retry-After is honoured even above the cap, up to one day.
 * `random` returns a number in [0, 1); pass a fixed one in tests.
 */
export function nextPollDelay(
  baseIntervalMs: number,
  consecutiveFailures: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
  maxDelayMs = DEFAULT_MAX_DELAY_MS,
): number {
  const cap = Math.max(maxDelayMs, baseIntervalMs);
  const failures = Math.max(0, Math.floor(consecutiveFailures));
  let delay = baseIntervalMs;
  if (failures > 0) {
    // 2^failures overflows to Infinity for absurd counts, which min() then caps.
    const backoff = Math.min(cap, baseIntervalMs * 2 ** failures);
    delay = backoff * (0.5 + 0.5 * Math.min(Math.max(random(), 0), 1));
  }
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0) {
    delay = Math.max(delay, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  }
  return Math.round(delay);
}

/** Reconnect delay after `attempt` failures in a row: base * 2^attempt capped at maxMs, with equal jitter. */
export function reconnectDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(capped * (0.5 + 0.5 * random()));
}

/** Waits ms milliseconds, or less when signal aborts; never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolvePromise) => {
    if (signal.aborted) return resolvePromise();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolvePromise();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
