// Which topics to evaluate for a post. Each topic is filed under its anchors
// (topic-anchors.ts); a post's tokens and metadata then name the lists of topics that
// could match it, and every other topic is skipped without a look. (The compiled
// matcher files each distinct query once, so its "topic" numbers here are queries.)
import { forEachFieldAnchorValue } from './field-filters.ts';
import type { PostIndex, Vocabulary } from './post-index.ts';
import { charCodeAt } from './string-reads.ts';
import type { TextField } from './query-ast.ts';
import { PREFIX_KEY_LENGTH, type Anchor } from './topic-anchors.ts';

/** Topic numbers, in ascending order. */
export type TopicList = number[];
/**
 * A node of the wildcard trie: the topics whose prefix ends here, and the nodes one
 * character further, by character code.
 */
interface PrefixNode { topics: TopicList | undefined; next: Map<number, PrefixNode> | undefined }

const KEY_LENGTH = PREFIX_KEY_LENGTH;

export class TopicIndex {
  /**
   * Wildcard topics in a trie: by the first characters of their prefix (see
   * prefixKeyOf), then character by character. A token walks down it as far as its
   * characters lead, meeting exactly the prefixes it starts with: "very" does not wake
   * up `vertex*` topics, and a brand name is not compared with every wildcard that
   * starts like it (at 100,000 topics there are thousands).
   */
  private readonly byPrefix = new Map<number | string, PrefixNode>();
  /** Topics filed under metadata values, by field, then value (see field-filters.ts). */
  private readonly byField = new Map<TextField, Map<string, TopicList>>();
  /** The same, as an array: walked for every post, without an iterator or entry arrays. */
  private readonly fieldIndexes: { field: TextField; byValue: Map<string, TopicList> }[] = [];
  /** Topics without anchors. */
  private readonly unanchored: TopicList = [];

  /** Token anchors live on the vocabulary entries, which the post index finds anyway. */
  constructor(private readonly vocabulary: Vocabulary) {}

  /** Files the topic under its anchors, or among those checked for every post when it has none; in topic order. */
  file(topic: number, anchors: readonly Anchor[] | null): void {
    if (anchors === null) {
      addOnce(this.unanchored, topic);
      return;
    }
    for (const anchor of anchors) {
      switch (anchor.kind) {
        case 'token':
          addOnce((this.vocabulary.entryFor(anchor.token).anchoredTopics ??= []), topic);
          break;
        case 'prefix': {
          const { prefix } = anchor;
          const key = prefixKeyOf(prefix);
          let node = this.byPrefix.get(key);
          if (node === undefined) this.byPrefix.set(key, (node = newPrefixNode()));
          for (let i = KEY_LENGTH; i < prefix.length; i++) {
            node.next ??= new Map();
            let next = node.next.get(prefix.charCodeAt(i));
            if (next === undefined) node.next.set(prefix.charCodeAt(i), (next = newPrefixNode()));
            node = next;
          }
          addOnce((node.topics ??= []), topic);
          this.vocabulary.notePrefix(prefix);
          break;
        }
        case 'field': {
          let byValue = this.byField.get(anchor.field);
          if (byValue === undefined) {
            this.byField.set(anchor.field, (byValue = new Map()));
            this.fieldIndexes.push({ field: anchor.field, byValue });
          }
          let topics = byValue.get(anchor.value);
          if (topics === undefined) byValue.set(anchor.value, (topics = []));
          addOnce(topics, topic);
        }
      }
    }
  }

  /** Calls `visit` with every list of topics the post could match; a topic may be in several. */
  forEachCandidateList(post: PostIndex, visit: (topics: TopicList) => void): void {
    for (let i = 0; i < post.seenCount; i++) {
      const topics = post.seenEntries[i]!.anchoredTopics;
      if (topics !== undefined) visit(topics);
    }
    if (this.byPrefix.size > 0) this.visitPrefixed(post, visit);
    for (let f = 0; f < this.fieldIndexes.length; f++) {
      const { field, byValue } = this.fieldIndexes[f]!;
      this.visitingValues = byValue;
      this.visitingWith = visit;
      forEachFieldAnchorValue(post.fields, field, this.visitFieldValue);
    }
    if (this.unanchored.length > 0) visit(this.unanchored);
  }

  /** The field whose values visitFieldValue looks up; kept here so no closure is made per post. */
  private visitingValues: Map<string, TopicList> | undefined;
  private visitingWith: ((topics: TopicList) => void) | undefined;
  private readonly visitFieldValue = (value: string): void => {
    const topics = this.visitingValues!.get(value);
    if (topics !== undefined) this.visitingWith!(topics);
  };

  private visitPrefixed(post: PostIndex, visit: (topics: TopicList) => void): void {
    for (let i = 0; i < post.occurrenceCount; i++) {
      const token = post.occurrenceTokens[i]!;
      const length = token.length;
      // The post only keeps tokens whose first three characters may start some prefix.
      if (length < KEY_LENGTH) continue;
      let node = this.byPrefix.get(prefixKeyOf(token));
      for (let c = KEY_LENGTH; node !== undefined; c++) {
        if (node.topics !== undefined) visit(node.topics);
        if (c === length || node.next === undefined) break;
        node = node.next.get(charCodeAt(token, c));
      }
    }
  }
}

const newPrefixNode = (): PrefixNode => ({ topics: undefined, next: undefined });

/** Topics are filed in order, so a repeat can only be the last one. */
function addOnce(topics: TopicList, topic: number): void {
  if (topics.at(-1) !== topic) topics.push(topic);
}

/**
 * The key of a token's first three characters: one number when all three are below
 * 1024 (nearly always), which saves cutting a string per token and post; the
 * characters themselves otherwise.
 */
function prefixKeyOf(token: string): number | string {
  const a = charCodeAt(token, 0);
  const b = charCodeAt(token, 1);
  const c = charCodeAt(token, 2);
  return (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : token.slice(0, KEY_LENGTH);
}
