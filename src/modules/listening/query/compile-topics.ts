// The compiled matcher: all of an organization's topics compiled together, so that a
// post is tokenized once and only the topics that could match it are evaluated.
//
// Each topic is filed under its anchors (topic-anchors.ts): tokens, the first
// characters of wildcard prefixes, or metadata keys, of which any matching post must
// have one. For a post, the matcher looks up each distinct token (and its metadata)
// in those indexes, evaluates each topic found there once (compile-query.ts), then the
// few topics that have no anchors.
import { AppError } from '../../../errors.ts';
import { compileQuery, type PostTest } from './compile-query.ts';
import { explainQuery, type QueryExplanation } from './evaluate-query.ts';
import { parseQuery } from './parse-query.ts';
import { forEachFieldAnchorValue } from './field-filters.ts';
import type { QueryNode, TextField } from './query-ast.ts';
import { QuerySyntaxError, type QueryProblem } from './query-syntax-error.ts';
import { PostIndex, Vocabulary } from './post-index.ts';
import { anchorsOf, PREFIX_KEY_LENGTH, type Anchor } from './topic-anchors.ts';
import { tokenizePost, type MatchablePost } from './tokenized-post.ts';

export interface TopicQuery {
  id: string;
  /** The query text, or its tree if it was parsed already. */
  query: string | QueryNode;
}

export interface CompiledTopics {
  readonly topicCount: number;
  /** The ids of the topics the post matches, in the order the topics were given. */
  match(post: MatchablePost): string[];
  /** Which parts of a topic's query the post has; undefined for an unknown topic id. */
  explain(post: MatchablePost, topicId: string): QueryExplanation | undefined;
}

/**
 * Compiles topics into one matcher. Throws a VALIDATION_FAILED AppError listing every
 * topic whose query does not parse (with position and expectation) or whose id repeats.
 */
export function compileTopics(topics: readonly TopicQuery[]): CompiledTopics {
  return new TopicMatcher(topics.map((topic) => topic.id), parseAll(topics));
}

function parseAll(topics: readonly TopicQuery[]): QueryNode[] {
  const problems: (QueryProblem | { field: string; message: string })[] = [];
  const seen = new Set<string>();
  const trees = topics.map(({ id, query }) => {
    const field = `topic "${id}"`;
    if (seen.has(id)) problems.push({ field, message: 'is listed more than once' });
    seen.add(id);
    if (typeof query !== 'string') return query;
    try {
      return parseQuery(query);
    } catch (error) {
      if (!(error instanceof QuerySyntaxError)) throw error;
      problems.push({ field, message: error.message, position: error.position, expected: error.expected });
      return undefined;
    }
  });
  if (problems.length > 0) {
    const summary = problems.slice(0, 3).map((p) => `${p.field}: ${p.message}`).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new AppError('VALIDATION_FAILED', `${summary}${more}`, problems);
  }
  return trees as QueryNode[];
}

/**
 * The index key of a token's first three characters: one number when all three are
 * below 1024 (nearly always), which saves cutting a string per token and post; the
 * characters themselves otherwise.
 */
function prefixKeyOf(token: string): number | string {
  const a = token.charCodeAt(0);
  const b = token.charCodeAt(1);
  const c = token.charCodeAt(2);
  return (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : token.slice(0, PREFIX_KEY_LENGTH);
}

/** Adds the topic to a list once (topics are filed in order, so checking the last is enough). */
function fileTopic(topics: number[], topic: number): void {
  if (topics.at(-1) !== topic) topics.push(topic);
}

/** The topics filed under one wildcard prefix. */
interface PrefixedTopics { prefix: string; topics: number[] }

class TopicMatcher implements CompiledTopics {
  private readonly vocabulary = new Vocabulary();
  private readonly tests: PostTest[];
  /**
   * Wildcard topics, by the first characters of their prefix (see prefixKeyOf), then
   * by the whole prefix: a post's token must start with the whole prefix before the
   * topics are evaluated, so "very" does not wake up every `vertex*` topic.
   */
  private readonly topicsByPrefix = new Map<number | string, PrefixedTopics[]>();
  /** Topics filed under metadata values, by field, then value (see field-filters.ts). */
  private readonly topicsByField = new Map<TextField, Map<string, number[]>>();
  /** Topics without anchors, checked for every post. */
  private readonly alwaysChecked: number[] = [];
  /** The post being matched; one object reused, so matching allocates little. */
  private readonly post = new PostIndex(this.vocabulary);
  /** lastCheckedFor[topic] === post.stamp when the topic was evaluated for this post. */
  private readonly lastCheckedFor: Float64Array;
  private readonly matched: number[] = [];

  constructor(private readonly ids: readonly string[], private readonly trees: readonly QueryNode[]) {
    this.tests = trees.map((tree) => compileQuery(tree, this.vocabulary));
    this.lastCheckedFor = new Float64Array(trees.length);
    trees.forEach((tree, topic) => {
      const anchors = anchorsOf(tree);
      if (anchors === null) this.alwaysChecked.push(topic);
      else for (const anchor of anchors) this.fileUnder(anchor, topic);
    });
  }

  private fileUnder(anchor: Anchor, topic: number): void {
    switch (anchor.kind) {
      case 'token': {
        const entry = this.vocabulary.entryFor(anchor.token);
        fileTopic((entry.anchoredTopics ??= []), topic);
        return;
      }
      case 'prefix': {
        const key = prefixKeyOf(anchor.prefix);
        let sameStart = this.topicsByPrefix.get(key);
        if (sameStart === undefined) this.topicsByPrefix.set(key, (sameStart = []));
        let samePrefix = sameStart.find((filed) => filed.prefix === anchor.prefix);
        if (samePrefix === undefined) sameStart.push((samePrefix = { prefix: anchor.prefix, topics: [] }));
        fileTopic(samePrefix.topics, topic);
        return;
      }
      case 'field': {
        let byValue = this.topicsByField.get(anchor.field);
        if (byValue === undefined) this.topicsByField.set(anchor.field, (byValue = new Map()));
        let topics = byValue.get(anchor.value);
        if (topics === undefined) byValue.set(anchor.value, (topics = []));
        fileTopic(topics, topic);
      }
    }
  }

  get topicCount(): number {
    return this.ids.length;
  }

  match(input: MatchablePost): string[] {
    const post = this.post;
    post.load(input);
    this.matched.length = 0;
    for (let i = 0; i < post.seenCount; i++) {
      const topics = post.seenEntries[i]!.anchoredTopics;
      if (topics !== undefined) this.checkTopics(topics);
    }
    if (this.topicsByPrefix.size > 0) this.checkPrefixedTopics();
    for (const [field, byValue] of this.topicsByField) {
      this.topicsByFieldValue = byValue;
      forEachFieldAnchorValue(post.fields, field, this.checkFieldValue);
    }
    this.checkTopics(this.alwaysChecked);
    return this.matchedIds();
  }

  private checkPrefixedTopics(): void {
    const post = this.post;
    for (let i = 0; i < post.occurrenceCount; i++) {
      const token = post.occurrenceTokens[i]!;
      if (token.length < PREFIX_KEY_LENGTH) continue;
      const sameStart = this.topicsByPrefix.get(prefixKeyOf(token));
      if (sameStart === undefined) continue;
      for (let p = 0; p < sameStart.length; p++) {
        if (token.startsWith(sameStart[p]!.prefix)) this.checkTopics(sameStart[p]!.topics);
      }
    }
  }

  /** The field being visited by forEachFieldAnchorValue, for checkFieldValue. */
  private topicsByFieldValue: Map<string, number[]> | undefined;
  private readonly checkFieldValue = (value: string): void => {
    const topics = this.topicsByFieldValue!.get(value);
    if (topics !== undefined) this.checkTopics(topics);
  };

  /** Evaluates each topic not evaluated yet for this post. */
  private checkTopics(topics: readonly number[]): void {
    const stamp = this.post.stamp;
    for (let i = 0; i < topics.length; i++) {
      const topic = topics[i]!;
      if (this.lastCheckedFor[topic] === stamp) continue;
      this.lastCheckedFor[topic] = stamp;
      if (this.tests[topic]!(this.post)) this.matched.push(topic);
    }
  }

  private matchedIds(): string[] {
    const matched = this.matched;
    if (matched.length > 1) matched.sort((a, b) => a - b);
    const ids = new Array<string>(matched.length);
    for (let i = 0; i < matched.length; i++) ids[i] = this.ids[matched[i]!]!;
    return ids;
  }

  explain(post: MatchablePost, topicId: string): QueryExplanation | undefined {
    const topic = this.ids.indexOf(topicId);
    return topic === -1 ? undefined : explainQuery(this.trees[topic]!, tokenizePost(post));
  }
}
