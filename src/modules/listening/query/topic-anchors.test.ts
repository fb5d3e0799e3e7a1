import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './parse-query.ts';
import { anchorsOf } from './topic-anchors.ts';

const anchors = (query: string) =>
  anchorsOf(parseQuery(query))?.map((anchor) => (anchor.kind === 'token' ? anchor.token : anchor.kind === 'prefix' ? `${anchor.prefix}*` : `${anchor.field}:${anchor.value}`)) ?? null;

describe('anchorsOf', () => {
  it('anchors a term on itself and a wildcard on its prefix', () => {
    assert.deepEqual(anchors('acme'), ['acme']);
    assert.deepEqual(anchors('refund*'), ['refund*']);
  });

  it('anchors AND, NEAR and phrases on their rarest required part', () => {
    assert.deepEqual(anchors('the AND acme'), ['acme']);
    assert.deepEqual(anchors('refund* acme NOT spam'), ['acme']);
    assert.deepEqual(anchors('"the acme store"'), ['store']);
    assert.deepEqual(anchors('very NEAR/2 globex'), ['globex']);
  });

  it('anchors OR on every operand', () => {
    assert.deepEqual(anchors('acme OR globex* OR "big store"'), ['acme', 'globex*', 'store']);
  });

  it('anchors field filters on metadata keys, preferring the rarer fields', () => {
    assert.deepEqual(anchors('site:acme.com OR acme.com'), ['site:acme.com', 'acme.com']);
    assert.deepEqual(anchors('source:reddit place:"new york"'), ['place:new']);
    assert.deepEqual(anchors('lang:en author:jane'), ['author:jane']);
  });

  it('has no anchors for queries that can match without any', () => {
    assert.equal(anchors('NOT spam'), null);
    assert.equal(anchors('followers:[10 TO *]'), null);
    assert.equal(anchors('acme OR followers:[10 TO *]'), null);
  });
});
