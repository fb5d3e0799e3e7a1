// The mentions of the last few minutes, counted per key (negative or not, a category, a
// trigger word, an author) in runs of one key and one second: a busy topic's window holds
// a run per key and second, not an entry per mention, so its snapshot, saved with every
// batch, stays small at any rate. A run leaves the window when its last mention does;
// runs leave in the order they began, so a mention may count up to a second longer than
// the window, never shorter. Adding is O(1) and expiring O(1) amortized, since every run
// leaves once; the window also keeps each key's newest mention ids, so an alert can show
// the mentions behind it without a second store.

export interface SlidingWindowSnapshot {
  /** The keys inside the window, each once; `runKeys` names them by index. */
  keys: string[];
  /** Per run, its last mention's time: the first in epoch milliseconds, the others as milliseconds after the one before. */
  runLastTimes: number[];
  runKeys: number[];
  runCounts: number[];
  /** Per key index, its newest ids inside the window, oldest first. */
  sampleIds: string[][];
}

/** The format before runs: an entry per mention. Still read, so a stored detector keeps what it learned. */
interface EntrySnapshot {
  times: number[];
  keys: string[];
  ids: string[];
}

/**
 * A key inside the window: its count and the ids of its newest mentions, oldest first.
 * A key's runs leave in time order, so the mentions inside are its newest `count`: the
 * samples are the last ids that many or fewer, and nothing has to expire them. Old ids
 * are cut off now and then rather than shifted out one by one.
 */
interface KeyState {
  count: number;
  ids: string[];
}

/** Runs that left the window are compacted away once they are this many and half the arrays. */
const COMPACT_AFTER = 256;

const secondOf = (at: number) => Math.floor(at / 1000);

export class SlidingWindow {
  // The runs, oldest first, as parallel arrays (no object per run on a hot path). A run's
  // second is its last mention's, as all of its mentions share it.
  private lastTimes: number[] = [];
  private keys: string[] = [];
  private runCounts: number[] = [];
  /** Index of the oldest run still in the window. */
  private head = 0;
  private total = 0;
  private readonly byKey = new Map<string, KeyState>();

  /** `samplesPerKey`: how many of a key's newest mention ids `latestIds` can give. */
  constructor(private readonly samplesPerKey: number) {}

  /** Adds a mention; times must not decrease (the detectors clamp late mentions to their clock). */
  push(at: number, key: string, id: string): void {
    this.addToRun(at, key, 1);
    const state = this.stateOf(key);
    state.count++;
    this.total++;
    state.ids.push(id);
    if (state.ids.length >= 4 * this.samplesPerKey) state.ids = state.ids.slice(-this.samplesPerKey);
  }

  private stateOf(key: string): KeyState {
    let state = this.byKey.get(key);
    if (!state) {
      state = { count: 0, ids: [] };
      this.byKey.set(key, state);
    }
    return state;
  }

  /** Counts into this second's run of `key`, or starts one. */
  private addToRun(at: number, key: string, count: number): void {
    const second = secondOf(at);
    for (let index = this.lastTimes.length - 1; index >= this.head && secondOf(this.lastTimes[index]!) === second; index--) {
      if (this.keys[index] === key) {
        this.lastTimes[index] = at;
        this.runCounts[index]! += count;
        return;
      }
    }
    this.lastTimes.push(at);
    this.keys.push(key);
    this.runCounts.push(count);
  }

  /** Drops the runs, oldest first, whose last mention arrived at or before `cutoff`. */
  expire(cutoff: number): void {
    let head = this.head;
    while (head < this.lastTimes.length && this.lastTimes[head]! <= cutoff) {
      this.dropRun(head);
      head++;
    }
    this.head = head;
    if (head >= COMPACT_AFTER && head * 2 >= this.lastTimes.length) {
      this.lastTimes = this.lastTimes.slice(head);
      this.keys = this.keys.slice(head);
      this.runCounts = this.runCounts.slice(head);
      this.head = 0;
    }
  }

  private dropRun(index: number): void {
    const key = this.keys[index]!;
    const state = this.byKey.get(key)!;
    state.count -= this.runCounts[index]!;
    this.total -= this.runCounts[index]!;
    if (state.count === 0) this.byKey.delete(key);
  }

  get size(): number {
    return this.total;
  }

  count(key: string): number {
    return this.byKey.get(key)?.count ?? 0;
  }

  /** The ids of the newest mentions with `key`, newest first (at most `samplesPerKey`). */
  latestIds(key: string): string[] {
    const state = this.byKey.get(key);
    return state ? samplesOf(state, this.samplesPerKey).reverse() : [];
  }

  toJSON(): SlidingWindowSnapshot {
    const runKeys = this.keys.slice(this.head);
    // In order of appearance, so equal contents give equal snapshots however they came about.
    const keys = [...new Set(runKeys)];
    const indexOf = new Map(keys.map((key, index) => [key, index]));
    const lastTimes = this.lastTimes.slice(this.head);
    return {
      keys,
      runLastTimes: lastTimes.map((last, index) => (index === 0 ? last : last - lastTimes[index - 1]!)),
      runKeys: runKeys.map((key) => indexOf.get(key)!),
      runCounts: this.runCounts.slice(this.head),
      sampleIds: keys.map((key) => samplesOf(this.byKey.get(key)!, this.samplesPerKey)),
    };
  }

  static fromJSON(snapshot: SlidingWindowSnapshot | EntrySnapshot, samplesPerKey: number): SlidingWindow {
    const window = new SlidingWindow(samplesPerKey);
    if ('ids' in snapshot) {
      snapshot.times.forEach((at, index) => window.push(at, snapshot.keys[index]!, snapshot.ids[index]!));
      return window;
    }
    let last = 0;
    snapshot.runLastTimes.forEach((sinceBefore, index) => {
      last += sinceBefore;
      const key = snapshot.keys[snapshot.runKeys[index]!]!;
      const count = snapshot.runCounts[index]!;
      window.addToRun(last, key, count);
      window.stateOf(key).count += count;
      window.total += count;
    });
    snapshot.keys.forEach((key, index) => {
      window.stateOf(key).ids = snapshot.sampleIds[index]!.slice(-samplesPerKey);
    });
    return window;
  }
}

/** The key's newest ids inside the window, oldest first. */
const samplesOf = (state: KeyState, samplesPerKey: number) => state.ids.slice(Math.max(0, state.ids.length - Math.min(state.count, samplesPerKey)));
