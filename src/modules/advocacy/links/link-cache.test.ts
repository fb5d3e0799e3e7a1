import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createLinkCache } from './link-cache.ts';

const link = (n: number) => ({ targetUrl: `https://acme.example/${n}`, orgId: 'org' });

it('remembers unknown codes only briefly, known links until evicted', () => {
  let now = 0;
  const cache = createLinkCache({ missSeconds: 10, now: () => now });
  cache.set('known', link(1));
  cache.set('unknown', null);
  assert.equal(cache.get('unknown'), null, 'a flood of an unknown code stays off the database');
  assert.deepEqual(cache.get('known'), link(1));
  now = 10_001;
  assert.equal(cache.get('unknown'), undefined, 'looked up again: the link may have been made since');
  assert.deepEqual(cache.get('known'), link(1));
  assert.equal(cache.get('never'), undefined);
});

it('evicts the least recently used link when full', () => {
  const cache = createLinkCache({ maxEntries: 2 });
  cache.set('a', link(1));
  cache.set('b', link(2));
  cache.get('a');
  cache.set('c', link(3));
  assert.equal(cache.get('b'), undefined);
  assert.deepEqual(cache.get('a'), link(1));
  assert.deepEqual(cache.get('c'), link(3));
});
