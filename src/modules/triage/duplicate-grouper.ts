// Near-duplicate groups over a stream of posts, in memory: each post joins the group of
// the closest post seen before whose SimHash is within NEAR_DUPLICATE_MAX_DISTANCE bits,
// or starts a group of its own. A group is named by the id of its first post. Used where
// there is no database to look fingerprints up in (`herd triage` on stdin).
//
// Candidates are found the way the database finds them: through the four 16-bit bands of
// the fingerprint (two fingerprints within 3 bits share at least one band exactly), then
// confirmed by Hamming distance. Memory is bounded: only the most recently seen `capacity`
// distinct fingerprints are kept (a repeated fingerprint counts as seen again), and a
// lookup compares at most `maxCandidates` of them, so a flood of near-copies that all
// share a band cannot make each lookup slower than that.
import { bandsOf, hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE } from './near-duplicates.ts';

export interface DuplicateGrouperOptions {
  /** Distinct fingerprints kept; the least recently seen is forgotten first. */
  capacity?: number;
  /** Fingerprints compared per lookup at most. */
  maxCandidates?: number;
}

interface Entry<Id> {
  group: Id;
  /** Bucket keys: band number × 65,536 + the band's value. */
  buckets: number[];
}

export class DuplicateGrouper<Id = string> {
  readonly capacity: number;
  readonly maxCandidates: number;
  /** Fingerprint → its group, least recently seen first (a Map keeps insertion order). */
  readonly #entries = new Map<bigint, Entry<Id>>();
  /** Bucket key → the fingerprints kept with that band value. */
  readonly #buckets = new Map<number, Set<bigint>>();

  constructor({ capacity = 100_000, maxCandidates = 256 }: DuplicateGrouperOptions = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!Number.isInteger(maxCandidates) || maxCandidates < 1) throw new RangeError('maxCandidates must be a positive integer');
    this.capacity = capacity;
    this.maxCandidates = maxCandidates;
  }

  /** Distinct fingerprints kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The id of the first post of `id`'s group: `id` itself when it starts one, null when
   * the post has no fingerprint (no words). Records the post for the posts after it.
   */
  groupOf(id: Id, fingerprint: bigint | null): Id | null {
    if (fingerprint === null) return null;
    const exact = this.#entries.get(fingerprint);
    if (exact) {
      this.#touch(fingerprint, exact);
      return exact.group;
    }
    const buckets = bandsOf(fingerprint).map((band, index) => index * 65_536 + band);
    const group = this.#closestGroup(fingerprint, buckets) ?? id;
    this.#add(fingerprint, { group, buckets });
    return group;
  }

  /** The group of the closest kept fingerprint within the distance; the older one on a tie. */
  #closestGroup(fingerprint: bigint, buckets: readonly number[]): Id | null {
    let best: Entry<Id> | null = null;
    let bestDistance = NEAR_DUPLICATE_MAX_DISTANCE + 1;
    let compared = 0;
    const seen = new Set<bigint>();
    for (const key of buckets) {
      for (const candidate of this.#buckets.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const distance = hammingDistance(fingerprint, candidate);
        if (distance < bestDistance) {
          best = this.#entries.get(candidate)!;
          bestDistance = distance;
        }
        if (++compared >= this.maxCandidates) return best?.group ?? null;
      }
    }
    return best?.group ?? null;
  }

  #add(fingerprint: bigint, entry: Entry<Id>): void {
    this.#entries.set(fingerprint, entry);
    for (const key of entry.buckets) {
      let bucket = this.#buckets.get(key);
      if (!bucket) this.#buckets.set(key, (bucket = new Set()));
      bucket.add(fingerprint);
    }
    if (this.#entries.size > this.capacity) this.#forgetOldest();
  }

  /** Moves a fingerprint seen again to the recent end, in the entries and in its buckets. */
  #touch(fingerprint: bigint, entry: Entry<Id>): void {
    this.#entries.delete(fingerprint);
    this.#entries.set(fingerprint, entry);
    for (const key of entry.buckets) {
      const bucket = this.#buckets.get(key)!;
      bucket.delete(fingerprint);
      bucket.add(fingerprint);
    }
  }

  #forgetOldest(): void {
    const [fingerprint, entry] = this.#entries.entries().next().value!;
    this.#entries.delete(fingerprint);
    for (const key of entry.buckets) {
      const bucket = this.#buckets.get(key)!;
      bucket.delete(fingerprint);
      if (bucket.size === 0) this.#buckets.delete(key);
    }
  }
}
