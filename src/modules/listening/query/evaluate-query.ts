// The reference evaluator: walks a query tree against one tokenized post, as plainly
// as the rules can be written. It recomputes everything on every call, which makes it
// slow and easy to trust; compile-topics.ts is the fast matcher, and its property
// test holds it to the answers given here.
import { fieldFilterTest } from './field-filters.ts';
import type { NearNode, PhraseNode, PositionalNode, QueryNode } from './query-ast.ts';
import { printQuery } from './print-query.ts';
import type { TokenizedPost } from './tokenized-post.ts';

/** Where something was found: from the first to the last word position, inclusive. */
export interface Span { start: number; end: number }

/** Whether the post matches the query. */
export function evaluateQuery(node: QueryNode, post: TokenizedPost): boolean {
  switch (node.kind) {
    case 'term': return post.words.has(node.token);
    case 'prefix': return post.words.tokens.some((token) => token.startsWith(node.prefix));
    case 'phrase': return phraseStarts(node, post).length > 0;
    case 'and': return node.children.every((child) => evaluateQuery(child, post));
    case 'or': return node.children.some((child) => evaluateQuery(child, post));
    case 'not': return !evaluateQuery(node.child, post);
    case 'near': return nearPairs(node, post).length > 0;
    case 'field': case 'followers': return fieldFilterTest(node)(post.fields);
  }
}

/** Every place the post has a term, wildcard, phrase or OR group of those. */
export function occurrences(node: PositionalNode, post: TokenizedPost): Span[] {
  switch (node.kind) {
    case 'term': return (post.words.positionsOf(node.token) ?? []).map((p) => ({ start: p, end: p }));
    case 'prefix':
      return post.words.tokens
        .filter((token) => token.startsWith(node.prefix))
        .flatMap((token) => post.words.positionsOf(token)!.map((p) => ({ start: p, end: p })));
    case 'phrase': return phraseStarts(node, post).map((p) => ({ start: p, end: p + node.tokens.length - 1 }));
    case 'or': return node.children.flatMap((child) => occurrences(child, post));
  }
}

/** Positions where the phrase's first token starts a run of all its tokens. */
function phraseStarts(node: PhraseNode, post: TokenizedPost): number[] {
  const [first, ...rest] = node.tokens;
  return (post.words.positionsOf(first!) ?? []).filter((start) =>
    rest.every((token, i) => post.words.positionsOf(token)?.includes(start + 1 + i)));
}

/**
 * Words strictly between `a` and a later `b`; negative when b does not start after a
 * ends (they overlap, or b comes first).
 */
export const wordsBetween = (a: Span, b: Span) => b.start - a.end - 1;

/** The pairs of places that satisfy a NEAR: apart (not overlapping), and close enough. */
function nearPairs(node: NearNode, post: TokenizedPost): [Span, Span][] {
  const lefts = occurrences(node.left, post);
  const rights = occurrences(node.right, post);
  const near = (a: Span, b: Span) => wordsBetween(a, b) >= 0 && wordsBetween(a, b) <= node.distance;
  return lefts.flatMap((l) => rights.filter((r) => near(l, r) || (!node.ordered && near(r, l))).map((r): [Span, Span] => [l, r]));
}

/** One part of a query that the post has, written in query syntax. */
export interface FoundTerm {
  term: string;
  /** The post's tokens that matched it (for a wildcard, which words). */
  tokens: string[];
  positions: number[];
}

export interface QueryExplanation {
  matches: boolean;
  /** Terms, phrases, NEARs and filters the post has, outside any NOT. */
  found: FoundTerm[];
  /** Things the post has that sit under a NOT: why a post that looks right did not match. */
  excludedBy: FoundTerm[];
}

/** Why the post matches, or not: which parts of the query it has. */
export function explainQuery(node: QueryNode, post: TokenizedPost): QueryExplanation {
  const found: FoundTerm[] = [];
  const excludedBy: FoundTerm[] = [];
  const visit = (current: QueryNode, negated: boolean): void => {
    switch (current.kind) {
      case 'and': case 'or': current.children.forEach((child) => visit(child, negated)); return;
      case 'not': visit(current.child, !negated); return;
      default: {
        const hit = findTerm(current, post);
        if (hit) (negated ? excludedBy : found).push(hit);
      }
    }
  };
  visit(node, false);
  return { matches: evaluateQuery(node, post), found, excludedBy };
}

function findTerm(node: Exclude<QueryNode, { kind: 'and' | 'or' | 'not' }>, post: TokenizedPost): FoundTerm | undefined {
  const term = printQuery(node);
  switch (node.kind) {
    case 'term': {
      const positions = post.words.positionsOf(node.token);
      return positions && { term, tokens: [node.token], positions: [...positions] };
    }
    case 'prefix': {
      const tokens = post.words.tokens.filter((token) => token.startsWith(node.prefix));
      return tokens.length > 0 ? { term, tokens, positions: tokens.flatMap((t) => post.words.positionsOf(t)!) } : undefined;
    }
    case 'phrase': {
      const starts = phraseStarts(node, post);
      return starts.length > 0 ? { term, tokens: [...node.tokens], positions: starts } : undefined;
    }
    case 'near': {
      const pairs = nearPairs(node, post);
      return pairs.length > 0 ? { term, tokens: [], positions: [...new Set(pairs.flatMap(([l, r]) => [l.start, r.start]))] } : undefined;
    }
    case 'field': case 'followers':
      return fieldFilterTest(node)(post.fields) ? { term, tokens: [], positions: [] } : undefined;
  }
}
