import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bandsOf, hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, simhash } from './near-duplicates.ts';

const wave = 'Acme Retail lost my parcel again and nobody answers the phone. Boycott Acme until they fix their delivery service for good';

describe('near-duplicate fingerprints', () => {
  it('gives copies that differ in case, links, handles and punctuation the same fingerprint', () => {
    const copies = [wave, wave.toUpperCase(), `@acme ${wave}!!! https://t.co/x1y2`, wave.replaceAll('.', ' ...')];
    const fingerprints = copies.map(simhash);
    for (const fingerprint of fingerprints) assert.equal(fingerprint, fingerprints[0]);
  });

  it('keeps an edited copy close and an unrelated post far', () => {
    const edited = simhash(wave.replace('nobody answers', 'no one answers'))!;
    const unrelated = simhash('The new Leeds store has lovely staff and the coffee corner is a great idea, well done everyone')!;
    assert.ok(hammingDistance(simhash(wave)!, edited) <= 12, 'one edited phrase moves few bits');
    assert.ok(hammingDistance(simhash(wave)!, unrelated) > 16, 'different posts are about half the bits apart');
  });

  it('has no fingerprint for text without words', () => {
    assert.equal(simhash(''), null);
    assert.equal(simhash('🙂🙂 !!! https://example.com'), null);
  });

  it('fits Postgres bigint', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), (text) => {
      const fingerprint = simhash(`word ${text}`)!;
      return fingerprint >= -(2n ** 63n) && fingerprint < 2n ** 63n;
    }));
  });

  it('finds every pair within the distance through a shared band (pigeonhole)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: NEAR_DUPLICATE_MAX_DISTANCE }), (fingerprint, bits) => {
      let flipped = fingerprint;
      for (const bit of bits) flipped = BigInt.asIntN(64, flipped ^ (1n << BigInt(bit)));
      assert.equal(hammingDistance(fingerprint, flipped), bits.length);
      const shared = bandsOf(fingerprint).filter((band, i) => band === bandsOf(flipped)[i]);
      return shared.length >= 1;
    }));
  });
});
