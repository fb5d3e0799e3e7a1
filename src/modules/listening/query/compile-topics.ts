// The compiled matcher: all of an organization's topics compiled together, so that a
// post is tokenized once (post-index.ts) and only the topics that could match it are
// evaluated: those filed under the post's tokens and metadata (topic-index.ts), each
// once, by closures compiled from its query (compile-query.ts). Topics with identical
// queries share one compiled query.
import { AppError } from '../../../errors.ts';
import { compileQuery, type PostTest } from './compile-query.ts';
import { explainQuery, type QueryExplanation } from './evaluate-query.ts';
import { parseQuery } from './parse-query.ts';
import type { QueryNode } from './query-ast.ts';
import { QuerySyntaxError, type QueryProblem } from './query-syntax-error.ts';
import { PostIndex, Vocabulary } from './post-index.ts';
import { anchorsOf } from './topic-anchors.ts';
import { TopicIndex } from './topic-index.ts';
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

class TopicMatcher implements CompiledTopics {
  private readonly vocabulary = new Vocabulary();
  /** One test per distinct query: topics with the same query tree share it (see queryOf). */
  private readonly tests: PostTest[] = [];
  /** topicsOf[query] lists the topics, ascending, whose query is that one. */
  private readonly topicsOf: number[][] = [];
  private readonly index = new TopicIndex(this.vocabulary);
  /** The post being matched; one object reused, so matching allocates little. */
  private readonly post = new PostIndex(this.vocabulary);
  /** lastCheckedFor[query] === post.stamp once the query was evaluated for the current post. */
  private readonly lastCheckedFor: Float64Array;
  private readonly matched: number[] = [];

  constructor(private readonly ids: readonly string[], private readonly trees: readonly QueryNode[]) {
    // Identical queries are compiled, filed and evaluated once: topic sets built from
    // templates repeat queries, and each repeat would cost a lookup and a test per post.
    const queryOf = new Map<string, number>();
    trees.forEach((tree, topic) => {
      const key = JSON.stringify(tree);
      let query = queryOf.get(key);
      if (query === undefined) {
        queryOf.set(key, (query = this.tests.length));
        this.tests.push(compileQuery(tree, this.vocabulary));
        this.topicsOf.push([]);
        this.index.file(query, anchorsOf(tree));
      }
      this.topicsOf[query]!.push(topic);
    });
    this.lastCheckedFor = new Float64Array(this.tests.length);
  }

  get topicCount(): number {
    return this.ids.length;
  }

  match(input: MatchablePost): string[] {
    this.post.load(input);
    // Most posts match nothing, and truncating an array is a call even when it is empty.
    if (this.matched.length > 0) this.matched.length = 0;
    this.index.forEachCandidateList(this.post, this.checkTopics);
    return this.matchedIds();
  }

  /** Evaluates each query not evaluated yet for this post, noting the topics of those that match. */
  private readonly checkTopics = (queries: readonly number[]): void => {
    const stamp = this.post.stamp;
    for (let i = 0; i < queries.length; i++) {
      const query = queries[i]!;
      if (this.lastCheckedFor[query] === stamp) continue;
      this.lastCheckedFor[query] = stamp;
      if (!this.tests[query]!(this.post)) continue;
      const topics = this.topicsOf[query]!;
      for (let t = 0; t < topics.length; t++) this.matched.push(topics[t]!);
    }
  };

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
