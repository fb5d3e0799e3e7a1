// Property tests: random query trees, printed and parsed back, and random posts drawn
// from a small vocabulary (so that matches are common), must get the same answer
// from the compiled matcher as from the reference evaluator, topic by topic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTopics } from './compile-topics.ts';
import { evaluateQuery } from './evaluate-query.ts';
import { parseQuery } from './parse-query.ts';
import { printQuery } from './print-query.ts';
import type { PositionalNode, QueryNode } from './query-ast.ts';
import { tokenizePost, type MatchablePost } from './tokenized-post.ts';

// Tokens as the parser produces them (normalized), so trees survive printing.
const termTokens = ['acme', 'refund', 'late', 'delivery', 'the', 'cafe', 'fail', 'email', 'mail', 'e', 'acme.com', '#fail', '#acme', '@acme', 'acme.com/help', '👍', '2024'];
const phraseTokens = ['acme', 'refund', 'late', 'delivery', 'the', 'cafe', 'fail', 'mail', 'e', '#fail', '@acme', 'acme.com/help'];
const prefixes = ['ref', 'refund', 'del', 'acm', 'acme.c', 'fai', '#fai', '@acm', 'acme.com/'];

const term = fc.constantFrom(...termTokens).map((token): QueryNode => ({ kind: 'term', token }));
const prefix = fc.constantFrom(...prefixes).map((p): QueryNode => ({ kind: 'prefix', prefix: p }));
const phrase = fc.array(fc.constantFrom(...phraseTokens), { minLength: 2, maxLength: 3 }).map((tokens): QueryNode => ({ kind: 'phrase', tokens }));
const positionalLeaf = fc.oneof(term, prefix, phrase) as fc.Arbitrary<PositionalNode>;
const positional: fc.Arbitrary<PositionalNode> = fc.oneof(
  { weight: 3, arbitrary: positionalLeaf },
  { weight: 1, arbitrary: fc.array(positionalLeaf, { minLength: 2, maxLength: 3 }).map((children): PositionalNode => ({ kind: 'or', children })) },
);
const near = fc.record({ left: positional, right: positional, distance: fc.integer({ min: 0, max: 3 }), ordered: fc.boolean() })
  .map((parts): QueryNode => ({ kind: 'near', ...parts }));
const field = fc.oneof(
  fc.constantFrom('jane', 'jane doe').map((value): QueryNode => ({ kind: 'field', field: 'author', value })),
  fc.constantFrom('en', 'en-gb', 'fr').map((value): QueryNode => ({ kind: 'field', field: 'lang', value })),
  fc.constantFrom('twitter', 'reddit').map((value): QueryNode => ({ kind: 'field', field: 'source', value })),
  fc.constantFrom('acme.com', 'shop.acme.com').map((value): QueryNode => ({ kind: 'field', field: 'site', value })),
  fc.constantFrom('paris', 'new york').map((value): QueryNode => ({ kind: 'field', field: 'place', value })),
  fc.tuple(fc.constantFrom(null, 0, 100, 1000), fc.constantFrom(null, 100, 1000, 5000))
    .filter(([min, max]) => min === null || max === null || min <= max)
    .map(([min, max]): QueryNode => ({ kind: 'followers', min, max })),
);

const { query: queryTree } = fc.letrec<{ query: QueryNode }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.oneof(term, prefix, phrase) },
    { weight: 1, arbitrary: near },
    { weight: 1, arbitrary: field },
    { weight: 2, arbitrary: fc.array(tie('query'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ kind: 'and', children })) },
    { weight: 2, arbitrary: fc.array(tie('query'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ kind: 'or', children })) },
    { weight: 1, arbitrary: tie('query').map((child): QueryNode => ({ kind: 'not', child })) },
  ),
}));

// Surface forms as people type them: cases, accents, punctuation, hashtags, links.
const surfaceWords = [
  'Acme', 'acme', 'ACME', 'refund', 'Refunded', 'refunds', 'late', 'LATE', 'delivery', 'delivered', 'the', 'The',
  'café', 'Cafe', 'fail', '#fail', '#FAIL', '#Acme', '@acme', '@AcmeHelp', 'e-mail', 'email', 'e', 'mail', 'acme.com',
  'https://acme.com/help', 'https://www.acme.com/help/more', 'www.acme.com', '👍', '👍🏽', '2024', 'x', "don't",
];
const separators = [' ', ' ', ' ', ', ', '. ', ' - ', '! ', '\n'];
const postText = fc.array(fc.tuple(fc.constantFrom(...surfaceWords), fc.constantFrom(...separators)), { maxLength: 20 })
  .map((words) => words.map(([word, separator]) => word + separator).join(''));
const post: fc.Arbitrary<MatchablePost> = fc.record({
  text: postText,
  author: fc.constantFrom('Jane', '@jane', 'Jane Doe', 'bob'),
  lang: fc.constantFrom('en', 'en-GB', 'fr', 'de'),
  source: fc.constantFrom('Twitter', 'reddit'),
  site: fc.constantFrom('acme.com', 'https://shop.acme.com/x', 'notacme.com'),
  place: fc.constantFrom('Paris, France', 'New York', 'York'),
  followers: fc.constantFrom(0, 50, 100, 999, 1000, 4000, 10000),
}, { requiredKeys: ['text'] });

describe('listening query properties', () => {
  it('parses a printed tree back to the same tree', () => {
    fc.assert(fc.property(queryTree, (tree) => {
      assert.deepEqual(parseQuery(printQuery(tree)), tree);
    }), { numRuns: 1000 });
  });

  it('the compiled matcher agrees with the reference evaluator on every topic', () => {
    const topics = fc.array(queryTree, { minLength: 1, maxLength: 8 })
      .map((trees) => trees.map((tree, i) => ({ id: `t${i}`, tree, query: printQuery(tree) })));
    fc.assert(fc.property(topics, fc.array(post, { minLength: 1, maxLength: 6 }), (topicList, posts) => {
      const matcher = compileTopics(topicList);
      for (const p of posts) {
        const tokenized = tokenizePost(p);
        const expected = topicList.filter((topic) => evaluateQuery(topic.tree, tokenized)).map((topic) => topic.id);
        assert.deepEqual(matcher.match(p), expected, `post ${JSON.stringify(p)}`);
      }
    }), { numRuns: 500 });
  });

  it('matches happen often enough for the comparison to mean something', () => {
    const sample = fc.sample(fc.tuple(queryTree, post), { numRuns: 2000, seed: 42 });
    const matches = sample.filter(([tree, p]) => evaluateQuery(tree, tokenizePost(p))).length;
    assert.ok(matches > 300 && matches < 1700, `${matches} of 2000 matched`);
  });
});
