// The mentions of the last few minutes, counted per key (negative or not, a category, a
// trigger word, an author) in buckets of one second: a busy topic's window holds a bucket
// per second, not an entry per mention, so its snapshot, saved with every batch, stays
// small at any rate. A bucket leaves the window when its last mention does (the others
// in it stay up to a second longer). Adding is O(1) and expiring O(1) amortized, since
// every bucket leaves once; the window also keeps each key's newest mention ids, so an
// alert can show the mentions behind it without a second store.

/** A second with mentions: when its last one arrived, and how many there were per key. */
interface Bucket {
  second: number;
  last: number;
  counts: Map<string, number>;
}

export interface SampleId {
  second: number;
  id: string;
}

export interface SlidingWindowSnapshot {
  /** The keys inside the window, each once; `counts` names them by index. */
  keys: string[];
  /** Per bucket, its last mention's time: the first in epoch milliseconds, the others as milliseconds after the one before. */
  lastTimes: number[];
  /** Per bucket, key index and count pairs, one after the other. */
  counts: number[][];
  /** Per key index, its newest ids inside the window, oldest first, with the second each arrived in. */
  samples: SampleId[][];
}

/** The format before buckets: an entry per mention. Still read, so a stored detector keeps what it learned. */
interface EntrySnapshot {
  times: number[];
  keys: string[];
  ids: string[];
}

/** Buckets that left the window are compacted away once they are this many and half the array. */
const COMPACT_AFTER = 256;

const secondOf = (at: number) => Math.floor(at / 1000);

export class SlidingWindow {
  private buckets: Bucket[] = [];
  /** Index of the oldest bucket still in the window. */
  private head = 0;
  private total = 0;
  private readonly counts = new Map<string, number>();
  /** Per key, its newest ids in arrival order, at most `samplesPerKey`. */
  private readonly samples = new Map<string, SampleId[]>();

  /** `samplesPerKey`: how many of a key's newest mention ids `latestIds` can give. */
  constructor(private readonly samplesPerKey: number) {}

  /** Adds a mention; times must not decrease (the detectors clamp late mentions to their clock). */
  push(at: number, key: string, id: string): void {
    const second = secondOf(at);
    let bucket = this.buckets.length > this.head ? this.buckets[this.buckets.length - 1]! : undefined;
    if (bucket?.second !== second) {
      bucket = { second, last: at, counts: new Map() };
      this.buckets.push(bucket);
    }
    bucket.last = at;
    bucket.counts.set(key, (bucket.counts.get(key) ?? 0) + 1);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
    const samples = this.samples.get(key);
    if (!samples) this.samples.set(key, [{ second, id }]);
    else {
      samples.push({ second, id });
      if (samples.length > this.samplesPerKey) samples.shift();
    }
  }

  /** Drops the buckets whose last mention arrived at or before `cutoff`. */
  expire(cutoff: number): void {
    const buckets = this.buckets;
    let head = this.head;
    while (head < buckets.length && buckets[head]!.last <= cutoff) {
      this.drop(buckets[head]!);
      head++;
    }
    this.head = head;
    if (head >= COMPACT_AFTER && head * 2 >= buckets.length) {
      this.buckets = buckets.slice(head);
      this.head = 0;
    }
  }

  private drop(bucket: Bucket): void {
    for (const [key, count] of bucket.counts) {
      const left = this.counts.get(key)! - count;
      this.total -= count;
      if (left === 0) {
        this.counts.delete(key);
        this.samples.delete(key);
        continue;
      }
      this.counts.set(key, left);
      const samples = this.samples.get(key)!;
      while (samples.length > 0 && samples[0]!.second <= bucket.second) samples.shift();
    }
  }

  get size(): number {
    return this.total;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** The ids of the newest mentions with `key`, newest first (at most `samplesPerKey`). */
  latestIds(key: string): string[] {
    return (this.samples.get(key) ?? []).map((sample) => sample.id).reverse();
  }

  toJSON(): SlidingWindowSnapshot {
    const inside = this.buckets.slice(this.head);
    // In order of appearance, so equal contents give equal snapshots however they came about.
    const keys = [...new Set(inside.flatMap((bucket) => [...bucket.counts.keys()]))];
    const indexOf = new Map(keys.map((key, index) => [key, index]));
    return {
      keys,
      lastTimes: inside.map((bucket, index) => (index === 0 ? bucket.last : bucket.last - inside[index - 1]!.last)),
      counts: inside.map((bucket) => [...bucket.counts].flatMap(([key, count]) => [indexOf.get(key)!, count])),
      samples: keys.map((key) => this.samples.get(key)!.map((sample) => ({ ...sample }))),
    };
  }

  static fromJSON(snapshot: SlidingWindowSnapshot | EntrySnapshot, samplesPerKey: number): SlidingWindow {
    const window = new SlidingWindow(samplesPerKey);
    if ('ids' in snapshot) {
      snapshot.times.forEach((at, index) => window.push(at, snapshot.keys[index]!, snapshot.ids[index]!));
      return window;
    }
    let last = 0;
    snapshot.lastTimes.forEach((sinceBefore, index) => {
      last += sinceBefore;
      window.restoreBucket(last, snapshot.counts[index]!, snapshot.keys);
    });
    snapshot.keys.forEach((key, index) => window.samples.set(key, snapshot.samples[index]!.slice(-samplesPerKey).map((sample) => ({ ...sample }))));
    return window;
  }

  private restoreBucket(last: number, pairs: number[], keys: string[]): void {
    const bucket: Bucket = { second: secondOf(last), last, counts: new Map() };
    for (let index = 0; index < pairs.length; index += 2) {
      const key = keys[pairs[index]!]!;
      const count = pairs[index + 1]!;
      bucket.counts.set(key, count);
      this.counts.set(key, (this.counts.get(key) ?? 0) + count);
      this.total += count;
    }
    this.buckets.push(bucket);
  }
}
