import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createVisitorHasher } from './visitor-hash.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

it('recognises a visitor within a UTC day, and not across days: the salt changes at midnight UTC', () => {
  let now = new Date('2026-12-03T23:59:59Z');
  let salts = 0;
  const hasher = createVisitorHasher({ now: () => now, newSalt: () => Buffer.from(`salt-${++salts}`) });
  const evening = hasher.visitorOf('203.0.113.7', UA);
  assert.equal(evening.day, '2026-12-03');
  assert.equal(hasher.visitorOf('203.0.113.7', UA).visitor, evening.visitor, 'the same visitor the same day');
  assert.notEqual(hasher.visitorOf('203.0.113.8', UA).visitor, evening.visitor, 'another address is another visitor');
  assert.notEqual(hasher.visitorOf('203.0.113.7', `${UA} x`).visitor, evening.visitor, 'another browser is another visitor');
  now = new Date('2026-12-04T00:00:01Z');
  const morning = hasher.visitorOf('203.0.113.7', UA);
  assert.equal(morning.day, '2026-12-04');
  assert.notEqual(morning.visitor, evening.visitor, 'a new day, a new salt: yesterday\'s visitor cannot be recognised');
  assert.notEqual(morning.source, evening.source);
  assert.equal(salts, 2, 'one salt per day, made when first needed');
});

it('stores no address: the visitor is a short base64url hash', () => {
  const { visitor, source } = createVisitorHasher().visitorOf('198.51.100.23', UA);
  assert.match(visitor, /^[A-Za-z0-9_-]{16}$/);
  assert.match(source, /^[A-Za-z0-9_-]{16}$/);
  assert.equal(visitor.includes('198'), false);
});

it('uses a different random salt in each hasher (each process)', () => {
  assert.notEqual(createVisitorHasher().visitorOf('198.51.100.23', UA).visitor, createVisitorHasher().visitorOf('198.51.100.23', UA).visitor);
});
