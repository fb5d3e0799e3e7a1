import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClassifier } from './classifier/index.ts';
import { RETAIL_TRAINING_POSTS } from './classifier/retail-posts.fixture.ts';
import { PlaceMatcher } from './place-matcher.ts';
import { triagePost, type TriageModels } from './triage-post.ts';

const places = new PlaceMatcher([{ spokeId: 'leeds', name: 'Leeds Briggate', aliases: ['the Leeds store'], address: '47 Briggate', city: 'Leeds' }]);
const category = createClassifier();
category.learn(RETAIL_TRAINING_POSTS);
const models: TriageModels = { category, keywordRules: [{ label: 'legal', anyOf: ['lawyer', 'lawsuit'] }], places };

describe('triagePost', () => {
  it('reads a complaint: English, negative, its category with reasons, the store, some urgency', () => {
    const result = triagePost({ text: 'Waited three weeks for my parcel and the Leeds store says it is not their problem. Still no refund!', followers: 25_000 }, models);
    assert.equal(result.language.language, 'en');
    assert.equal(result.sentiment.label, 'negative');
    assert.ok(result.category && result.category.decidedBy === 'model' && result.category.reasons.length > 0);
    assert.equal(result.place?.spokeId, 'leeds');
    assert.ok(result.urgency.score > 0);
    assert.ok(result.urgency.reasons.some((reason) => reason.startsWith('author reach')));
    assert.equal(result.spam.spam, false);
    assert.equal(typeof result.fingerprint, 'bigint');
  });

  it('lets a keyword rule decide the category, before and after the model has learned', () => {
    assert.deepEqual(triagePost({ text: 'I have spoken to my lawyer about the parcel' }, models).category,
      { label: 'legal', confidence: 1, reasons: [{ term: 'lawyer', weight: 1 }], decidedBy: 'rule' });
    assert.equal(triagePost({ text: 'my lawyer will call' }, { ...models, category: null }).category?.label, 'legal');
    assert.equal(triagePost({ text: 'lovely staff' }, { ...models, category: null }).category, null);
  });

  it('uses the declared or fallback language for a short post', () => {
    assert.equal(triagePost({ text: 'ok', fallbackLanguages: ['de'] }, models).language.language, 'de');
  });

  it('uses a trained sentiment model when given one', () => {
    const sentiment = createClassifier();
    sentiment.learn([
      ...['love it', 'great service', 'thank you so much', 'brilliant staff'].map((text) => ({ text, label: 'positive' })),
      ...['awful', 'never again', 'terrible service', 'so slow'].map((text) => ({ text, label: 'negative' })),
      ...['opening hours?', 'where is the store', 'is it open today', 'what time'].map((text) => ({ text, label: 'neutral' })),
    ]);
    const result = triagePost({ text: 'terrible service, never again' }, { ...models, sentiment });
    assert.equal(result.sentiment.label, 'negative');
    assert.ok(result.sentiment.score < 0);
  });

  it('never throws on bad input and is unsure of it', () => {
    for (const text of ['', '🙂🙂🙂', '\uD800\uDC00\uD800', 'x'.repeat(100_000), 'Привет مرحبا hello 你好']) {
      const result = triagePost({ text }, models);
      assert.ok(result.sentiment.confidence <= 0.6, `${text.slice(0, 10)}: ${result.sentiment.confidence}`);
    }
  });
});
