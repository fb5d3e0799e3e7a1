// The worker loop that keeps the demo stream going while Herd runs: every couple of
// seconds (or sooner, when the next post is due sooner) it sends what is due. It reads
// the stream's state from the database each time, so `herd demo --stop`, `--start` and
// `--reset` run in another process reach it within seconds. Clock and sleep are passed
// in, so tests drive it without waiting.
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Database } from '../db/index.ts';
import { sendDueDemoPosts } from './demo-stream.ts';

export interface DemoStreamClock {
  now(): Date;
  /** Waits, or returns early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: DemoStreamClock = {
  now: () => new Date(),
  sleep: (ms, signal) => sleepFor(ms, undefined, { signal }).catch(() => undefined),
};

/** The longest the loop waits between looks at the stream's state: how soon a stop or a start is noticed. */
export const DEMO_STREAM_CHECK_MS = 2_000;

export interface DemoStreamDeps {
  db: Database;
  clock?: DemoStreamClock;
  log?: (line: string) => void;
  onError?: (error: Error) => void;
}

export async function runDemoStream({ db, clock = systemClock, log = () => undefined, onError = () => undefined }: DemoStreamDeps, signal: AbortSignal): Promise<void> {
  let wasRunning = false;
  while (!signal.aborted) {
    let waitMs = DEMO_STREAM_CHECK_MS;
    try {
      const tick = await sendDueDemoPosts(db, clock.now());
      const running = tick.running > 0;
      if (running !== wasRunning) log(running ? 'Demo stream: sending made-up customer posts to the demo; `herd demo --stop` stops it.' : 'Demo stream: stopped.');
      wasRunning = running;
      waitMs = Math.min(DEMO_STREAM_CHECK_MS, tick.nextDueInMs ?? DEMO_STREAM_CHECK_MS);
    } catch (error) {
      onError(error as Error);
    }
    await clock.sleep(waitMs, signal);
  }
}
