import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateQuery, explainQuery } from './evaluate-query.ts';
import { parseQuery } from './parse-query.ts';
import { tokenizePost, type MatchablePost } from './tokenized-post.ts';

/** [query, post, whether it matches]: the examples of docs/listening-queries.md. */
type Example = [query: string, post: string | MatchablePost, matches: boolean];

const examples: Record<string, Example[]> = {
  'terms ignore case and accents, on word boundaries': [
    ['cafe', 'Best CAFÉ in town', true],
    ['café', 'best cafe in town', true],
    ['cafe', 'cafeteria food', false],
  ],
  'AND, OR, NOT and side-by-side words': [
    ['acme AND refund', 'Acme owes me a refund', true],
    ['acme refund', 'Acme owes me a refund', true],
    ['acme refund', 'Acme owes me money', false],
    ['refund OR return', 'can I return this?', true],
    ['acme NOT spam', 'acme is great', true],
    ['acme NOT spam', 'acme spam again', false],
    ['NOT spam', 'anything else', true],
    ['acme OR globex refund', 'acme is great', true],
    ['(acme OR globex) refund', 'acme is great', false],
  ],
  'phrases': [
    ['"refund please"', 'Refund, please!', true],
    ['"refund please"', 'please refund', false],
    ['"coca-cola zero"', 'Coca Cola Zero', true],
    ['"coca-cola zero"', 'coca-cola zero', true],
  ],
  'wildcards': [
    ['refund*', 'refunded at last', true],
    ['refund*', 'my refund', true],
    ['refund*', 'refun', false],
    ['refund*', '#RefundFail', true],
  ],
  'hashtags and handles': [
    ['#fail', 'total #FAIL', true],
    ['#fail', 'total fail', false],
    ['fail', 'total #fail', true],
    ['@acme', 'thanks @Acme', true],
    ['acme', 'thanks @acme', true],
    ['@acme', 'thanks acme', false],
  ],
  'apostrophes, hyphens and dots': [
    ["don't", 'I dont care', true],
    ['dont', "I don't care", true],
    ['email', 'send an e-mail', true],
    ['e-mail', 'send an email', true],
    ['e-mail', 'send an e mail', false],
    ['mail', 'send an e-mail', true],
    ['acme.com', 'go to acme.com now', true],
    ['acme.com', 'see https://www.acme.com/help', true],
  ],
  'URLs and emoji': [
    ['https://acme.com/help', 'see http://www.acme.com/help/', true],
    ['https://acme.com/help*', 'see https://acme.com/help/refunds', true],
    ['https://acme.com/help', 'see https://acme.com/helpdesk', false],
    ['acme', 'see https://acme.com/help', false],
    ['❤️', 'love it ❤', true],
    ['acme 👎', 'acme 👎🏽', false],
  ],
  'NEAR and ONEAR': [
    ['late NEAR/2 delivery', 'the delivery was late', true],
    ['late NEAR/2 delivery', 'late, very very late delivery', true],
    ['late NEAR/1 delivery', 'late and slow and bad delivery', false],
    ['late NEAR/0 delivery', 'late delivery', true],
    ['late ONEAR/2 delivery', 'the delivery was late', false],
    ['late ONEAR/2 delivery', 'late again, the delivery', true],
    ['(late OR slow) NEAR/1 deliver*', 'slow to deliver', true],
    ['"very late" NEAR/0 delivery', 'delivery very late', true],
    ['late NEAR/3 late', 'late', false],
    ['late NEAR/3 late', 'late and late', true],
  ],
  'field filters': [
    ['author:jane', { text: 'hi', author: '@Jane' }, true],
    ['author:"jane doe"', { text: 'hi', author: 'Jane Doe' }, true],
    ['author:jane', { text: 'hi', author: 'janet' }, false],
    ['author:jane', { text: 'hi' }, false],
    ['lang:en', { text: 'hi', lang: 'en-GB' }, true],
    ['lang:en-gb', { text: 'hi', lang: 'en_US' }, false],
    ['lang:en', { text: 'hi', lang: 'eng' }, false],
    ['source:twitter', { text: 'hi', source: 'Twitter' }, true],
    ['site:acme.com', { text: 'hi', site: 'https://shop.acme.com/x' }, true],
    ['site:acme.com', { text: 'hi', site: 'notacme.com' }, false],
    ['place:paris', { text: 'hi', place: 'Paris, France' }, true],
    ['place:"new york"', { text: 'hi', place: 'York, New Brunswick' }, false],
    ['followers:[1000 TO *]', { text: 'hi', followers: 1000 }, true],
    ['followers:[10 TO 500]', { text: 'hi', followers: 501 }, false],
    ['followers:[* TO 500]', { text: 'hi' }, false],
    ['acme NOT lang:de', { text: 'acme', lang: 'de' }, false],
  ],
};

describe('evaluateQuery', () => {
  for (const [rule, cases] of Object.entries(examples)) {
    it(rule, () => {
      for (const [query, post, matches] of cases) {
        assert.equal(evaluateQuery(parseQuery(query), tokenizePost(post)), matches, `${query} on ${JSON.stringify(post)}`);
      }
    });
  }
});

describe('explainQuery', () => {
  it('lists what the post has, and what excluded it', () => {
    const post = tokenizePost({ text: 'Acme refunded me, no #spam', lang: 'en' });
    assert.deepEqual(explainQuery(parseQuery('acme (refund* OR return) lang:en NOT #spam'), post), {
      matches: false,
      found: [
        { term: 'acme', tokens: ['acme'], positions: [0] },
        { term: 'refund*', tokens: ['refunded'], positions: [1] },
        { term: 'lang:"en"', tokens: [], positions: [] },
      ],
      excludedBy: [{ term: '#spam', tokens: ['#spam'], positions: [4] }],
    });
  });

  it('explains a NEAR by the positions of the pairs it found', () => {
    const explanation = explainQuery(parseQuery('late NEAR/2 delivery'), tokenizePost('the delivery was late'));
    assert.deepEqual(explanation, { matches: true, found: [{ term: 'late NEAR/2 delivery', tokens: [], positions: [3, 1] }], excludedBy: [] });
  });
});
