// Compiles one query tree into a tree of closures over the compiled matcher's post
// index (post-index.ts). They apply the same rules as the reference evaluator
// (evaluate-query.ts) with the work moved to compile time: each term test holds its
// vocabulary entry, so testing it is one comparison; operands of AND and OR are
// reordered so the cheapest run first; NEAR collects positions into buffers it owns
// rather than allocating.
import { fieldFilterTest } from './field-filters.ts';
import type { NearNode, PositionalNode, QueryNode } from './query-ast.ts';
import type { PostIndex, Vocabulary, VocabularyEntry } from './post-index.ts';

export type PostTest = (post: PostIndex) => boolean;

export function compileQuery(node: QueryNode, vocabulary: Vocabulary): PostTest {
  return new QueryCompiler(vocabulary).compile(node).test;
}

/** A test with a rough cost, so AND and OR can try their cheap operands first. */
interface CompiledNode { test: PostTest; cost: number }

/** Relative costs: a term is one comparison; a wildcard scans the post's tokens. */
const COST = { term: 1, followers: 1, field: 2, phrase: 3, prefix: 8, near: 10 } as const;

class QueryCompiler {
  constructor(private readonly vocabulary: Vocabulary) {}

  compile(node: QueryNode): CompiledNode {
    switch (node.kind) {
      case 'term': {
        const entry = this.vocabulary.entryFor(node.token);
        return { test: (post) => entry.seenInPost === post.stamp, cost: COST.term };
      }
      case 'prefix':
        this.vocabulary.notePrefix(node.prefix);
        return { test: prefixTest(node.prefix), cost: COST.prefix };
      case 'phrase': return { test: phraseTest(node.tokens.map((token) => this.vocabulary.entryFor(token))), cost: COST.phrase };
      case 'and': return this.compileAll(node.children);
      case 'or': return this.compileAny(node.children);
      case 'not': {
        const child = this.compile(node.child);
        const test = child.test;
        return { test: (post) => !test(post), cost: child.cost };
      }
      case 'near': return { test: this.nearTest(node), cost: COST.near };
      case 'field': case 'followers': {
        const test = fieldFilterTest(node);
        return { test: (post) => test(post.fields), cost: node.kind === 'field' ? COST.field : COST.followers };
      }
    }
  }

  private compileByCost(children: readonly QueryNode[]): { tests: PostTest[]; cost: number } {
    const compiled = children.map((child) => this.compile(child)).sort((a, b) => a.cost - b.cost);
    return { tests: compiled.map((child) => child.test), cost: compiled.reduce((sum, child) => sum + child.cost, 0) };
  }

  private compileAll(children: readonly QueryNode[]): CompiledNode {
    const { tests, cost } = this.compileByCost(children);
    if (tests.length === 2) {
      const [first, second] = tests as [PostTest, PostTest];
      return { test: (post) => first(post) && second(post), cost };
    }
    return {
      test: (post) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(post)) return false;
        return true;
      },
      cost,
    };
  }

  private compileAny(children: readonly QueryNode[]): CompiledNode {
    if (children.length > 0 && children.every((child) => child.kind === 'term')) {
      // `acme OR @acme OR #acme`, the most common shape, as one loop over entries.
      const entries = children.map((child) => this.vocabulary.entryFor(child.token));
      return {
        test: (post) => {
          for (let i = 0; i < entries.length; i++) if (entries[i]!.seenInPost === post.stamp) return true;
          return false;
        },
        cost: entries.length,
      };
    }
    const { tests, cost } = this.compileByCost(children);
    return {
      test: (post) => {
        for (let i = 0; i < tests.length; i++) if (tests[i]!(post)) return true;
        return false;
      },
      cost,
    };
  }

  /**
   * NEAR/n: some left and some right occurrence that do not overlap and have at most n
   * words between them (ONEAR: left first). The buffers belong to this node; NEAR
   * operands cannot contain another NEAR, so one evaluation never re-enters them.
   */
  private nearTest(node: NearNode): PostTest {
    const collectLeft = this.spanCollector(node.left);
    const collectRight = this.spanCollector(node.right);
    const lefts = new SpanBuffer();
    const rights = new SpanBuffer();
    const { distance, ordered } = node;
    return (post) => {
      lefts.length = 0;
      collectLeft(post, lefts);
      if (lefts.length === 0) return false;
      rights.length = 0;
      collectRight(post, rights);
      for (let l = 0; l < lefts.length; l++) {
        for (let r = 0; r < rights.length; r++) {
          const leftFirstGap = rights.starts[r]! - lefts.ends[l]! - 1;
          if (leftFirstGap >= 0 && leftFirstGap <= distance) return true;
          if (ordered) continue;
          const rightFirstGap = lefts.starts[l]! - rights.ends[r]! - 1;
          if (rightFirstGap >= 0 && rightFirstGap <= distance) return true;
        }
      }
      return false;
    };
  }

  private spanCollector(node: PositionalNode): SpanCollector {
    switch (node.kind) {
      case 'term': {
        const entry = this.vocabulary.entryFor(node.token);
        return (post, into) => {
          if (entry.seenInPost !== post.stamp) return;
          for (let i = 0; i < entry.count; i++) into.add(entry.positions[i]!, entry.positions[i]!);
        };
      }
      case 'prefix': {
        const prefix = node.prefix;
        this.vocabulary.notePrefix(prefix);
        return (post, into) => {
          for (let i = 0; i < post.occurrenceCount; i++) {
            if (post.occurrenceTokens[i]!.startsWith(prefix)) into.add(post.occurrencePositions[i]!, post.occurrencePositions[i]!);
          }
        };
      }
      case 'phrase': {
        const entries = node.tokens.map((token) => this.vocabulary.entryFor(token));
        const lastOffset = entries.length - 1;
        return (post, into) => {
          if (!allSeen(post, entries)) return;
          const first = entries[0]!;
          for (let s = 0; s < first.count; s++) {
            const start = first.positions[s]!;
            if (followsFrom(entries, start)) into.add(start, start + lastOffset);
          }
        };
      }
      case 'or': {
        const collectors = node.children.map((child) => this.spanCollector(child));
        return (post, into) => {
          for (let i = 0; i < collectors.length; i++) collectors[i]!(post, into);
        };
      }
    }
  }
}

function prefixTest(prefix: string): PostTest {
  return (post) => {
    for (let i = 0; i < post.occurrenceCount; i++) if (post.occurrenceTokens[i]!.startsWith(prefix)) return true;
    return false;
  };
}

/** Whether the entries' tokens follow one another somewhere in the post. */
function phraseTest(entries: readonly VocabularyEntry[]): PostTest {
  return (post) => {
    // Most posts lack one of the words; finding that out needs no positions.
    if (!allSeen(post, entries)) return false;
    const first = entries[0]!;
    for (let s = 0; s < first.count; s++) if (followsFrom(entries, first.positions[s]!)) return true;
    return false;
  };
}

function allSeen(post: PostIndex, entries: readonly VocabularyEntry[]): boolean {
  for (let i = 0; i < entries.length; i++) if (entries[i]!.seenInPost !== post.stamp) return false;
  return true;
}

/** Whether entry i has position start + i, for every entry after the first. */
function followsFrom(entries: readonly VocabularyEntry[], start: number): boolean {
  for (let i = 1; i < entries.length; i++) if (!hasPosition(entries[i]!, start + i)) return false;
  return true;
}

function hasPosition(entry: VocabularyEntry, position: number): boolean {
  for (let i = 0; i < entry.count; i++) if (entry.positions[i] === position) return true;
  return false;
}

/** Start and end positions, in two arrays that are reused from post to post. */
class SpanBuffer {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  length = 0;

  add(start: number, end: number): void {
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

type SpanCollector = (post: PostIndex, into: SpanBuffer) => void;
