import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../errors.ts';
import { compileTopics } from './compile-topics.ts';
import { parseQuery } from './parse-query.ts';

describe('compileTopics', () => {
  const matcher = compileTopics([
    { id: 'brand', query: 'acme OR "acme corp" OR @acme' },
    { id: 'refunds', query: 'acme refund* NOT lang:de' },
    { id: 'delivery', query: '(late OR slow) NEAR/2 deliver*' },
    { id: 'not-spam', query: 'NOT spam' },
    { id: 'big-accounts', query: 'followers:[10000 TO *]' },
  ]);

  it('returns the matching topic ids in the order the topics were given', () => {
    assert.deepEqual(matcher.match({ text: 'Still waiting on my @Acme refund', lang: 'en' }), ['brand', 'refunds', 'not-spam']);
    assert.deepEqual(matcher.match({ text: 'Acme refunded me', lang: 'de' }), ['brand', 'not-spam']);
    assert.deepEqual(matcher.match({ text: 'a slow, slow delivery', followers: 20000 }), ['delivery', 'not-spam', 'big-accounts']);
    assert.deepEqual(matcher.match({ text: 'spam spam spam' }), []);
  });

  it('forgets the previous post', () => {
    matcher.match({ text: 'acme refund', followers: 50000 });
    assert.deepEqual(matcher.match({ text: 'nothing here spam' }), []);
  });

  it('counts its topics', () => {
    assert.equal(matcher.topicCount, 5);
  });

  it('explains a topic on a post', () => {
    assert.deepEqual(matcher.explain({ text: 'acme refunds' }, 'refunds'), {
      matches: true,
      found: [{ term: 'acme', tokens: ['acme'], positions: [0] }, { term: 'refund*', tokens: ['refunds'], positions: [1] }],
      excludedBy: [],
    });
    assert.equal(matcher.explain({ text: 'x' }, 'no-such-topic'), undefined);
  });

  it('reports every topic of a query that several topics share, in topic order', () => {
    const shared = compileTopics([
      { id: 'a', query: 'acme OR @acme' },
      { id: 'b', query: 'globex' },
      { id: 'c', query: 'acme  OR  @ACME' },
      { id: 'd', query: parseQuery('acme OR @acme') },
    ]);
    assert.deepEqual(shared.match({ text: 'thanks @acme and globex' }), ['a', 'b', 'c', 'd']);
    assert.deepEqual(shared.match({ text: 'acme' }), ['a', 'c', 'd']);
    assert.deepEqual(shared.match({ text: 'globex' }), ['b']);
    assert.equal(shared.topicCount, 4);
  });

  it('takes already-parsed queries', () => {
    assert.deepEqual(compileTopics([{ id: 't', query: parseQuery('acme') }]).match({ text: 'ACME!' }), ['t']);
  });

  it('handles wildcards of any length in trees built by hand', () => {
    const handMade = compileTopics([
      { id: 'a', query: { kind: 'prefix', prefix: 'a' } },
      { id: 'any', query: { kind: 'prefix', prefix: '' } },
    ]);
    assert.deepEqual(handMade.match({ text: 'Apple' }), ['a', 'any']);
    assert.deepEqual(handMade.match({ text: 'pear' }), ['any']);
    assert.deepEqual(handMade.match({ text: '' }), []);
  });

  it('matches nothing with no topics', () => {
    assert.deepEqual(compileTopics([]).match({ text: 'acme' }), []);
  });

  it('lists every topic whose query does not parse, and repeated ids', () => {
    assert.throws(() => compileTopics([
      { id: 'ok', query: 'acme' },
      { id: 'open', query: '(acme' },
      { id: 'short', query: 're*' },
      { id: 'ok', query: 'globex' },
    ]), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(error.details, [
        { field: 'topic "open"', message: 'Expected ")" to close the "(" at 0, at 5', position: 5, expected: '")"' },
        { field: 'topic "short"', message: 'Expected at least 3 letters before "*" in "re*", at 0', position: 0, expected: 'at least 3 letters before "*"' },
        { field: 'topic "ok"', message: 'is listed more than once' },
      ]);
      assert.match(error.message, /^topic "open": Expected "\)" to close/);
      return true;
    });
  });
});
