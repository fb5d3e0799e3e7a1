import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainedTextFeatures, foldText, MAX_TEXT_CHARS, textFeatures, wordsOf } from './text-features.ts';

const norm = (values: Float32Array) => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));

describe('text features', () => {
  it('folds case and accents, keeps words whole and drops inner apostrophes', () => {
    assert.equal(foldText('Café CRÈME Straße Øre'), 'cafe creme strasse ore');
    assert.deepEqual(wordsOf("Don't SHOUT at the café's staff!!"), ['dont', 'shout', 'at', 'the', 'cafes', 'staff']);
    assert.deepEqual(wordsOf('Order #48213 cost £25'), ['order', '48213', 'cost', '25']);
    assert.deepEqual(wordsOf('Order #48213 cost £25', { foldDigits: true }), ['order', '00000', 'cost', '00']);
    assert.deepEqual(wordsOf('love it 😍😍 ❤️'), ['love', 'it', '😍', '😍', '❤']);
    assert.deepEqual(wordsOf(''), []);
    assert.deepEqual(wordsOf('\ud800 lone \udfff surrogates'), ['lone', 'surrogates']);
  });

  it('normalizes each block to its weight and counts repeats sublinearly', () => {
    const both = textFeatures('late late delivery');
    assert.ok(Math.abs(norm(both.values) - Math.SQRT2) < 1e-5, 'two blocks of norm 1');
    const wordsOnly = textFeatures('late late delivery', { hashBits: 20, wordWeight: 1, charWeight: 0 });
    // late ×2, delivery, "late late", "late delivery": 4 features, `late` weighted 1 + ln 2.
    assert.equal(wordsOnly.slots.length, 4);
    assert.ok(Math.abs(norm(wordsOnly.values) - 1) < 1e-6);
    const sorted = [...wordsOnly.values].sort((a, b) => b - a);
    assert.ok(Math.abs(sorted[0]! / sorted[1]! - (1 + Math.log(2))) < 1e-5);
    assert.ok(wordsOnly.slots.every((slot) => slot >= 0 && slot < 2 ** 20));
    assert.deepEqual(textFeatures(''), { slots: new Int32Array(0), values: new Float32Array(0) });
  });

  it('traces every feature back to the words that produced it', () => {
    const features = explainedTextFeatures('refund refund please');
    assert.deepEqual(features.terms, ['refund', 'refund refund', 'please', 'refund please']);
    assert.equal(features.termsOfFeature.length, features.slots.length);
    for (const origins of features.termsOfFeature) {
      assert.ok(origins.length > 0 && origins.every((term) => term >= 0 && term < features.terms.length));
    }
  });

  it('reads only the start of a very long text', () => {
    const long = `${'a'.repeat(MAX_TEXT_CHARS)} tail`;
    assert.equal(wordsOf(long).includes('tail'), false);
    assert.equal(textFeatures('x'.repeat(100_000)).slots.length > 0, true);
  });
});
