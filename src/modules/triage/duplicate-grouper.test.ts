import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateGrouper } from './duplicate-grouper.ts';
import { simhash } from './near-duplicates.ts';

const wave = 'Acme Retail lost my parcel again and nobody answers the phone. Boycott Acme until they fix their delivery service for good';
const other = 'The new Leeds store has lovely staff and the coffee corner is a great idea, well done everyone';

/** `fingerprint` with the given bits flipped. */
const flip = (fingerprint: bigint, ...bits: number[]) => bits.reduce((value, bit) => BigInt.asIntN(64, value ^ (1n << BigInt(bit))), fingerprint);

describe('DuplicateGrouper', () => {
  it('puts 500 copies of a post, with handles, links and case changed, in the group of the first', () => {
    const grouper = new DuplicateGrouper();
    const groups = Array.from({ length: 500 }, (_, i) => {
      const text = i % 3 === 0 ? wave : i % 3 === 1 ? `@user${i} ${wave.toUpperCase()}` : `${wave} https://t.co/${i}`;
      return grouper.groupOf(`post-${i}`, simhash(text));
    });
    assert.deepEqual(new Set(groups), new Set(['post-0']));
    assert.equal(grouper.size, 1, 'identical fingerprints are kept once');
  });

  it('starts a group for a post unlike the ones before, and keeps the groups apart', () => {
    const grouper = new DuplicateGrouper();
    assert.equal(grouper.groupOf('a', simhash(wave)), 'a');
    assert.equal(grouper.groupOf('b', simhash(other)), 'b');
    assert.equal(grouper.groupOf('c', simhash(`${other}!!`)), 'b');
    assert.equal(grouper.groupOf('d', simhash(wave)), 'a');
  });

  it('groups fingerprints within the distance and not beyond it, whichever band they share', () => {
    const base = simhash(wave)!;
    const grouper = new DuplicateGrouper();
    grouper.groupOf('first', base);
    // Three bits in three different bands: only the fourth band is shared.
    assert.equal(grouper.groupOf('near', flip(base, 0, 16, 32)), 'first');
    // Four bits away from every fingerprint kept.
    const far = flip(base, 1, 17, 33, 63);
    assert.equal(grouper.groupOf('far', far), 'far');
  });

  it('joins the closest candidate, and through a member the group of its first post', () => {
    const base = simhash(wave)!;
    const grouper = new DuplicateGrouper();
    grouper.groupOf('a', base);
    grouper.groupOf('b', flip(base, 10, 20, 30, 40, 50, 60));
    assert.equal(grouper.groupOf('c', flip(base, 10, 20, 30, 40, 50)), 'b', 'one bit from b, five from a');
    // d is 2 bits from c, 3 from b and 7 from a.
    assert.equal(grouper.groupOf('d', flip(base, 10, 20, 30, 40, 50, 5, 6)), 'b');
  });

  it('has no group for a post without a fingerprint', () => {
    const grouper = new DuplicateGrouper();
    assert.equal(grouper.groupOf('empty', simhash('🙂🙂🙂')), null);
    assert.equal(grouper.groupOf('empty', null), null);
    assert.equal(grouper.size, 0);
  });

  it('keeps at most `capacity` fingerprints, forgetting the least recently seen', () => {
    const grouper = new DuplicateGrouper<number>({ capacity: 3 });
    const fingerprints = [wave, other, 'Third post about something else entirely, trains and weather', 'A fourth one: pizza toppings and board games tonight']
      .map((text) => simhash(text)!);
    grouper.groupOf(1, fingerprints[0]!);
    grouper.groupOf(2, fingerprints[1]!);
    grouper.groupOf(3, fingerprints[2]!);
    assert.equal(grouper.groupOf(10, fingerprints[0]!), 1, 'seen again: now the most recent');
    grouper.groupOf(4, fingerprints[3]!);
    assert.equal(grouper.size, 3);
    assert.equal(grouper.groupOf(11, fingerprints[0]!), 1, 'kept');
    assert.equal(grouper.groupOf(12, fingerprints[1]!), 12, 'forgotten, so it starts a new group');
  });

  it('stays fast and bounded under a flood of distinct near-copies sharing a band', () => {
    const base = simhash(wave)!;
    const grouper = new DuplicateGrouper({ capacity: 5_000, maxCandidates: 64 });
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) {
      // Only the lowest band changes: every fingerprint shares the other three with all.
      grouper.groupOf(`flood-${i}`, BigInt.asIntN(64, (base & ~0xffffn) | BigInt(i % 65_536)));
    }
    assert.equal(grouper.size, 5_000);
    assert.ok(performance.now() - started < 5_000, 'each lookup compares at most maxCandidates');
  });

  it('refuses a capacity that is not a positive integer', () => {
    assert.throws(() => new DuplicateGrouper({ capacity: 0 }), RangeError);
    assert.throws(() => new DuplicateGrouper({ maxCandidates: 1.5 }), RangeError);
  });
});
