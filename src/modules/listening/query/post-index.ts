// The compiled matcher's view of the post being matched. Tokenizing a post anew for
// every topic, or even building a Map per post, would cost more than the matching;
// so the matcher keeps one vocabulary of the tokens its queries mention, each with
// room for the current post's positions, and stamps the entries a post has. Testing
// a term is then one comparison on an entry the test captured when it was compiled.
import { charCodeAt, sliceOf } from './string-reads.ts';
import { PositionRecorder, type TokenTarget } from './tokenize.ts';
import { PostFields, type MatchablePost } from './tokenized-post.ts';

/** A token some query mentions, and where the current post has it. */
export class VocabularyEntry {
  /** The stamp of the last post that had this token. */
  seenInPost = 0;
  /** positions[0 .. count) are the token's ascending positions in that post. */
  count = 0;
  readonly positions: number[] = [];
  /** Topics filed under this token as an anchor (see topic-anchors.ts). */
  anchoredTopics: number[] | undefined;

  constructor(readonly token: string) {}
}

/**
 * The tokens the compiled queries mention, and the starts of their wildcards. Most of
 * a post's tokens are not among them (over 90% in the benchmark), so a cheap
 * fingerprint of each entry (a bit in a table, by first, second and last character
 * and length) rules most of them out; the rest are looked up in a hash table of our
 * own, by the characters of the text, so that no token is cut out of the text or
 * hashed by a Map just to be looked up.
 */
export class Vocabulary {
  private readonly entries: VocabularyEntry[] = [];
  /** The same entries by token, for compiling queries. */
  private readonly byToken = new Map<string, VocabularyEntry>();
  private slotCount = MIN_SLOTS;
  /**
   * Open addressing, two numbers a slot, side by side so that a probe reads one cache
   * line: at 2i the hash (hashAt) of the slot's entry, compared before its characters
   * are; at 2i + 1 the entry's index into entries plus one, or 0 for an empty slot.
   */
  private slots = new Int32Array(2 * MIN_SLOTS);
  private readonly fingerprints = new BitSet(FINGERPRINT_SLOTS);
  /** A bit per first three characters (hashed) of the queries' wildcard prefixes. */
  private readonly prefixStarts = new BitSet(PREFIX_START_SLOTS);
  /** Set by a wildcard prefix shorter than three characters, which any token may match. */
  private anyTokenMayStartAPrefix = false;

  /** Notes that a query has the wildcard `prefix*`. */
  notePrefix(prefix: string): void {
    if (prefix.length < 3) this.anyTokenMayStartAPrefix = true;
    else this.prefixStarts.add(firstThreeAt(prefix, 0));
  }

  /** False when no wildcard of the queries can match the token text.slice(start, end). */
  mayMatchAPrefixAt(text: string, start: number, end: number): boolean {
    return this.anyTokenMayStartAPrefix || (end - start >= 3 && this.prefixStarts.has(firstThreeAt(text, start)));
  }

  /** The entry of a token, created the first time a query mentions it. */
  entryFor(token: string): VocabularyEntry {
    let entry = this.byToken.get(token);
    if (entry === undefined) {
      entry = new VocabularyEntry(token);
      this.byToken.set(token, entry);
      this.entries.push(entry);
      if (this.entries.length * 2 > this.slotCount) this.rehash(this.slotCount * 2);
      else this.place(this.entries.length - 1);
      this.fingerprints.add(fingerprintAt(token, 0, token.length));
    }
    return entry;
  }

  /** False when the token text.slice(start, end) is certainly not in the vocabulary. */
  mayHaveAt(text: string, start: number, end: number): boolean {
    return this.fingerprints.has(fingerprintAt(text, start, end));
  }

  /** The entry of the token text.slice(start, end), if some query mentions it; check mayHaveAt first, which is cheaper. */
  findAt(text: string, start: number, end: number): VocabularyEntry | undefined {
    const hash = hashAt(text, start, end);
    const mask = this.slotCount - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[2 * slot + 1]!;
      if (index === 0) return undefined;
      if (this.slots[2 * slot] === hash) {
        const entry = this.entries[index - 1]!;
        if (sameToken(entry.token, text, start, end)) return entry;
      }
    }
  }

  private place(index: number): void {
    const token = this.entries[index]!.token;
    const hash = hashAt(token, 0, token.length);
    const mask = this.slotCount - 1;
    let slot = hash & mask;
    while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = index + 1;
  }

  private rehash(slotCount: number): void {
    this.slotCount = slotCount;
    this.slots = new Int32Array(2 * slotCount);
    for (let i = 0; i < this.entries.length; i++) this.place(i);
  }
}

/** At most half full, so a miss meets an empty slot quickly. */
const MIN_SLOTS = 1024;

/** FNV-1a over the UTF-16 units of text.slice(start, end). */
function hashAt(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ charCodeAt(text, i), 0x01000193);
  return hash;
}

function sameToken(token: string, text: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let i = 0; i < token.length; i++) if (charCodeAt(token, i) !== charCodeAt(text, start + i)) return false;
  return true;
}

const FINGERPRINT_SLOTS = 1 << 20;
const PREFIX_START_SLOTS = 1 << 18;

/**
 * Bits rather than bytes: every word of every post looks up both tables, at random
 * places, so they should stay in the CPU's caches (128 KB and 32 KB).
 */
class BitSet {
  private readonly words: Uint32Array;

  constructor(size: number) {
    this.words = new Uint32Array(size >>> 5);
  }

  add(bit: number): void {
    this.words[bit >>> 5]! |= 1 << (bit & 31);
  }

  has(bit: number): boolean {
    return (this.words[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/**
 * The three characters from `start`, hashed into 18 bits. Wildcard prefixes have at
 * least three characters (parse-query.ts), and brand names often share their first
 * two with everyday words, so three rule out many more words than two did.
 */
const firstThreeAt = (text: string, start: number) =>
  Math.imul(charCodeAt(text, start) * 961 + charCodeAt(text, start + 1) * 31 + charCodeAt(text, start + 2), 0x9e3779b1) >>> 14;

/** Of the token text.slice(start, end), from its first, second and last characters and its length. */
function fingerprintAt(text: string, start: number, end: number): number {
  const length = end - start;
  const second = length > 1 ? charCodeAt(text, start + 1) : 0;
  return (((charCodeAt(text, start) * 31 + second) * 31 + charCodeAt(text, end - 1)) * 31 + length) & (FINGERPRINT_SLOTS - 1);
}

/**
 * The current post: its vocabulary entries; the occurrences, in text order, of the
 * tokens that some wildcard of the queries might match; and its metadata. Reused from
 * post to post; its arrays only grow, and hold stale items past their counts.
 */
export class PostIndex implements TokenTarget {
  /** Identifies the current post; a vocabulary entry belongs to it when stamped with it. */
  stamp = 0;
  readonly fields = new PostFields();
  /** occurrenceTokens[i] is at occurrencePositions[i], for i < occurrenceCount (see Vocabulary.mayMatchAPrefixAt). */
  readonly occurrenceTokens: string[] = [];
  readonly occurrencePositions: number[] = [];
  occurrenceCount = 0;
  /** The vocabulary entries this post has, each once, for i < seenCount. */
  readonly seenEntries: VocabularyEntry[] = [];
  seenCount = 0;
  private readonly recorder = new PositionRecorder(this);

  constructor(private readonly vocabulary: Vocabulary) {}

  load(post: MatchablePost): void {
    this.stamp++;
    this.occurrenceCount = 0;
    this.seenCount = 0;
    this.fields.load(post);
    this.recorder.record(post.text);
  }

  /** Whether the post has the entry's token. */
  has(entry: VocabularyEntry): boolean {
    return entry.seenInPost === this.stamp;
  }

  addTokenSlice(text: string, start: number, end: number, position: number): void {
    // Most words are neither in the vocabulary nor prefixed like a wildcard: they are
    // dismissed by their characters, without being cut out of the text.
    if (this.vocabulary.mayHaveAt(text, start, end)) {
      const entry = this.vocabulary.findAt(text, start, end);
      if (entry !== undefined) this.see(entry, position);
    }
    if (this.vocabulary.mayMatchAPrefixAt(text, start, end)) this.addOccurrence(sliceOf(text, start, end), position);
  }

  /**
   * The scanner's other tokens (URLs and their domains, compounds; under one a post)
   * come as strings, and take the same way: character reads cost the same whatever the
   * string's representation (string-reads.ts), and the fingerprint spares most of them a
   * lookup. The domain of "https:///x" is empty: no query mentions it, and it has no
   * character to read.
   */
  addToken(token: string, position: number): void {
    if (token.length > 0) this.addTokenSlice(token, 0, token.length, position);
  }

  private addOccurrence(token: string, position: number): void {
    this.occurrenceTokens[this.occurrenceCount] = token;
    this.occurrencePositions[this.occurrenceCount] = position;
    this.occurrenceCount++;
  }

  private see(entry: VocabularyEntry, position: number): void {
    if (entry.seenInPost !== this.stamp) {
      entry.seenInPost = this.stamp;
      entry.count = 0;
      this.seenEntries[this.seenCount++] = entry;
    } else if (entry.positions[entry.count - 1] === position) {
      return;
    }
    entry.positions[entry.count++] = position;
  }
}
