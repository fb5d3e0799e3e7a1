import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyKeywordRules, predictWithRules, type KeywordRule } from './keyword-rules.ts';
import { RETAIL_TRAINING_POSTS } from './retail-posts.fixture.ts';
import { createClassifier } from './text-classifier.ts';

const rules: KeywordRule[] = [
  { label: 'legal', anyOf: ['lawyer', 'class action', 'Datenschutz'] },
  { label: 'billing', anyOf: ['refund', 'chargeback'] },
];

describe('keyword rules', () => {
  it('matches whole words and phrases, ignoring case and accents', () => {
    assert.deepEqual(applyKeywordRules('My LAWYER will hear about this', rules), { label: 'legal', keyword: 'lawyer' });
    assert.deepEqual(applyKeywordRules('joining the Class-Action against you', rules), { label: 'legal', keyword: 'class action' });
    assert.deepEqual(applyKeywordRules('Verstoß gegen den DATENSCHÜTZ', rules), { label: 'legal', keyword: 'Datenschutz' });
    assert.deepEqual(applyKeywordRules('RÉFUND now!', rules), { label: 'billing', keyword: 'refund' });
  });

  it('does not match inside other words, and returns null when nothing matches', () => {
    assert.equal(applyKeywordRules('I was refunded already, thanks', rules), null);
    assert.equal(applyKeywordRules('lawyers', rules), null);
    assert.equal(applyKeywordRules('class of action figures', rules), null);
    assert.equal(applyKeywordRules('', rules), null);
    assert.equal(applyKeywordRules('refund', []), null);
    assert.equal(applyKeywordRules('refund', [{ label: 'x', anyOf: ['', '!!!'] }]), null);
  });

  it('lets the first matching rule win', () => {
    assert.deepEqual(applyKeywordRules('refund or my lawyer calls', rules), { label: 'legal', keyword: 'lawyer' });
  });

  it('overrides the model, with the keyword as the reason', () => {
    const classifier = createClassifier();
    classifier.retrain(RETAIL_TRAINING_POSTS);
    const text = 'The courier lost my parcel, my lawyer is on it';
    const ruled = predictWithRules(classifier, text, rules);
    assert.equal(ruled.label, 'legal');
    assert.equal(ruled.decidedBy, 'rule');
    assert.equal(ruled.confidence, 1);
    assert.deepEqual(ruled.reasons, [{ term: 'lawyer', weight: 1 }]);
    assert.ok(ruled.scores.delivery! > 0.5, 'the model’s view is kept');
    const modelOnly = predictWithRules(classifier, 'The courier lost my parcel', rules);
    assert.equal(modelOnly.decidedBy, 'model');
    assert.equal(modelOnly.label, 'delivery');
  });
});
