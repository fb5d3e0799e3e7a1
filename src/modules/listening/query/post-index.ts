// The compiled matcher's view of the post being matched. Tokenizing a post anew for
// every topic, or even building a Map per post, would cost more than the matching;
// so the matcher keeps one vocabulary of the tokens its queries mention, each with
// room for the current post's positions, and stamps the entries a post has. Testing
// a term is then one comparison on an entry the test captured when it was compiled.
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
 * The tokens the compiled queries mention. Most of a post's tokens are not among them
 * (over 90% in the benchmark), so a cheap fingerprint of each entry (a bit in a table,
 * by first, second and last character and length) rules most of them out before the
 * Map is asked.
 */
export class Vocabulary {
  private readonly entries = new Map<string, VocabularyEntry>();
  private readonly fingerprints = new Uint8Array(FINGERPRINT_SLOTS);

  /** The entry of a token, created the first time a query mentions it. */
  entryFor(token: string): VocabularyEntry {
    let entry = this.entries.get(token);
    if (entry === undefined) {
      this.entries.set(token, (entry = new VocabularyEntry(token)));
      this.fingerprints[fingerprintOf(token)] = 1;
    }
    return entry;
  }

  find(token: string): VocabularyEntry | undefined {
    return this.fingerprints[fingerprintOf(token)] === 0 ? undefined : this.entries.get(token);
  }
}

const FINGERPRINT_SLOTS = 1 << 20;

function fingerprintOf(token: string): number {
  const length = token.length;
  return (((token.charCodeAt(0) * 31 + token.charCodeAt(1)) * 31 + token.charCodeAt(length - 1)) * 31 + length) & (FINGERPRINT_SLOTS - 1);
}

/**
 * The current post: its vocabulary entries, every token occurrence in text order (for
 * wildcards, which can match any token), and its metadata. Reused from post to post;
 * its arrays only grow, and hold stale items past their counts.
 */
export class PostIndex implements TokenTarget {
  /** Identifies the current post; a vocabulary entry belongs to it when stamped with it. */
  stamp = 0;
  readonly fields = new PostFields();
  /** occurrenceTokens[i] is at occurrencePositions[i], for i < occurrenceCount. */
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

  addToken(token: string, position: number): void {
    this.occurrenceTokens[this.occurrenceCount] = token;
    this.occurrencePositions[this.occurrenceCount] = position;
    this.occurrenceCount++;
    const entry = this.vocabulary.find(token);
    if (entry === undefined) return;
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
