// The mentions of the last few minutes, in arrival order, with a running count per key
// (negative or not, a category, a trigger word, an author). Adding is O(1) and expiring
// is O(1) amortized, since every entry leaves once; the window also keeps the mention
// ids, so an alert can show the latest mentions behind it without a second store.

export interface SlidingWindowSnapshot {
  times: number[];
  keys: string[];
  ids: string[];
}

/** Entries that left the window are compacted away once they are this many and half the arrays. */
const COMPACT_AFTER = 256;

export class SlidingWindow {
  private times: number[] = [];
  private keys: string[] = [];
  private ids: string[] = [];
  /** Index of the oldest entry still in the window. */
  private head = 0;
  private readonly counts = new Map<string, number>();

  /** Adds an entry; times must not decrease (the detectors clamp late mentions to their clock). */
  push(at: number, key: string, id: string): void {
    this.times.push(at);
    this.keys.push(key);
    this.ids.push(id);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Drops the entries at or before `cutoff`. */
  expire(cutoff: number): void {
    const times = this.times;
    let head = this.head;
    while (head < times.length && times[head]! <= cutoff) {
      const key = this.keys[head]!;
      const left = this.counts.get(key)! - 1;
      if (left === 0) this.counts.delete(key);
      else this.counts.set(key, left);
      head++;
    }
    this.head = head;
    if (head >= COMPACT_AFTER && head * 2 >= times.length) {
      this.times = times.slice(head);
      this.keys = this.keys.slice(head);
      this.ids = this.ids.slice(head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.times.length - this.head;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** When the oldest entry in the window arrived, or null when it is empty. */
  oldest(): number | null {
    return this.size > 0 ? this.times[this.head]! : null;
  }

  /** The ids of the newest entries with `key` (any key when null), newest first. */
  latestIds(key: string | null, limit: number): string[] {
    const found: string[] = [];
    for (let index = this.times.length - 1; index >= this.head && found.length < limit; index--) {
      if (key === null || this.keys[index] === key) found.push(this.ids[index]!);
    }
    return found;
  }

  toJSON(): SlidingWindowSnapshot {
    return { times: this.times.slice(this.head), keys: this.keys.slice(this.head), ids: this.ids.slice(this.head) };
  }

  static fromJSON(snapshot: SlidingWindowSnapshot): SlidingWindow {
    const window = new SlidingWindow();
    snapshot.times.forEach((at, index) => window.push(at, snapshot.keys[index]!, snapshot.ids[index]!));
    return window;
  }
}
