import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RETAIL_HELD_OUT_POSTS, RETAIL_TRAINING_POSTS } from './retail-posts.fixture.ts';
import { createClassifier, TextClassifier, type LabeledText } from './text-classifier.ts';

const heldOutAccuracy = (classifier: TextClassifier, posts: readonly LabeledText[]) =>
  posts.filter((post) => classifier.predict(post.text).label === post.label).length / posts.length;

describe('text classifier', () => {
  it('learns the retail categories and predicts posts it has not seen', () => {
    const classifier = createClassifier();
    assert.equal(classifier.retrain(RETAIL_TRAINING_POSTS), 120);
    assert.deepEqual([...classifier.labels], ['delivery', 'billing', 'product defect', 'store experience', 'jobs', 'praise']);
    assert.ok(heldOutAccuracy(classifier, RETAIL_HELD_OUT_POSTS) >= 0.85);
    const prediction = classifier.predict('The courier lost my parcel and the tracking page shows nothing');
    assert.equal(prediction.label, 'delivery');
    assert.ok(prediction.confidence > 0.5, `confidence ${prediction.confidence}`);
    const total = Object.values(prediction.scores).reduce((sum, score) => sum + score, 0);
    assert.ok(Math.abs(total - 1) < 1e-9);
    assert.equal(prediction.confidence, prediction.scores.delivery);
  });

  it('names the deciding words as reasons, strongest first', () => {
    const classifier = createClassifier();
    classifier.retrain(RETAIL_TRAINING_POSTS);
    const prediction = classifier.predict('Still no refund, and you charged my card twice');
    assert.equal(prediction.label, 'billing');
    const terms = prediction.reasons.map((reason) => reason.term);
    assert.ok(terms.slice(0, 3).includes('refund'), `reasons: ${terms.join(', ')}`);
    assert.ok(terms.slice(0, 3).includes('charged'), `reasons: ${terms.join(', ')}`);
    assert.ok(prediction.reasons.length <= 5);
    for (let i = 1; i < prediction.reasons.length; i++) {
      assert.ok(prediction.reasons[i - 1]!.weight >= prediction.reasons[i]!.weight);
    }
    assert.ok(prediction.reasons.every((reason) => reason.weight > 0));
    // Reasons are words of the post as written (folded), never hashes.
    assert.ok(terms.every((term) => /^[a-z ]+$/.test(term)));
  });

  it('learns a new label incrementally without forgetting the others', () => {
    const withoutJobs = RETAIL_TRAINING_POSTS.filter((post) => post.label !== 'jobs');
    const heldOutWithoutJobs = RETAIL_HELD_OUT_POSTS.filter((post) => post.label !== 'jobs');
    const classifier = createClassifier();
    classifier.learn(withoutJobs);
    const before = heldOutAccuracy(classifier, heldOutWithoutJobs);
    assert.equal(classifier.predict('Are you hiring? I sent my CV for the warehouse job').label === 'jobs', false);

    assert.equal(classifier.learn(RETAIL_TRAINING_POSTS.filter((post) => post.label === 'jobs')), 20);
    assert.ok(classifier.labels.includes('jobs'));
    const jobs = RETAIL_HELD_OUT_POSTS.filter((post) => post.label === 'jobs');
    assert.ok(heldOutAccuracy(classifier, jobs) >= 0.75, 'the new label is learned');
    const after = heldOutAccuracy(classifier, heldOutWithoutJobs);
    assert.ok(after >= before - 0.1, `old labels: ${before} before, ${after} after`);
    assert.equal(classifier.labelCounts.jobs, 20);
    assert.equal(classifier.labelCounts.billing, 20, 'replayed examples are not counted again');
  });

  it('corrects itself from a few relabeled posts (outcomes are labels)', () => {
    const classifier = createClassifier();
    classifier.retrain(RETAIL_TRAINING_POSTS);
    const post = 'My loyalty app keeps logging me out';
    const corrections = [
      { text: 'The loyalty app keeps crashing when I log in', label: 'app' },
      { text: 'Your app logs me out every time I open it', label: 'app' },
      { text: 'Cannot log in to the Acme app since the update', label: 'app' },
    ];
    classifier.learn(corrections);
    assert.equal(classifier.predict(post).label, 'app');
  });

  it('gives identical predictions after a JSON round trip, and keeps learning identically', () => {
    const original = createClassifier();
    original.retrain(RETAIL_TRAINING_POSTS);
    const restored = TextClassifier.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    assert.deepEqual([...restored.labels], [...original.labels]);
    for (const post of RETAIL_HELD_OUT_POSTS) assert.deepEqual(restored.predict(post.text), original.predict(post.text));
    const more = [{ text: 'The self checkout ate my coupon', label: 'billing' }];
    original.learn(more);
    restored.learn(more);
    for (const post of RETAIL_HELD_OUT_POSTS) assert.deepEqual(restored.predict(post.text), original.predict(post.text));
    assert.deepEqual(TextClassifier.fromJSON(JSON.stringify(original.toJSON())).toJSON(), original.toJSON());
  });

  it('refuses to load something that is not a serialized classifier', () => {
    assert.throws(() => TextClassifier.fromJSON({ format: 'something-else' }), /Not a serialized Herd text classifier/);
    const data = createClassifier().toJSON();
    const classifier = createClassifier();
    classifier.retrain(RETAIL_TRAINING_POSTS);
    assert.throws(() => TextClassifier.fromJSON({ ...classifier.toJSON(), labels: data.labels }), /inconsistent/);
  });

  it('trains the same model from the same examples and seed', () => {
    const first = createClassifier({ seed: 5 });
    const second = createClassifier({ seed: 5 });
    first.retrain(RETAIL_TRAINING_POSTS);
    second.retrain(RETAIL_TRAINING_POSTS);
    assert.deepEqual(first.toJSON(), second.toJSON());
  });

  it('never throws on bad input, and gives no confidence to text it knows nothing of', () => {
    const untrained = createClassifier();
    assert.deepEqual(untrained.predict('anything'), { label: null, confidence: 0, reasons: [], scores: {} });
    const classifier = createClassifier();
    classifier.retrain(RETAIL_TRAINING_POSTS);
    const nothingKnown = ['', '   \n\t ', '🦄🛸🧿', '\ud800\udfff\ud83d', '\u0000\u0001', 'ж'.repeat(50)];
    for (const text of nothingKnown) {
      const prediction = classifier.predict(text);
      assert.equal(prediction.confidence, 0, JSON.stringify(text));
      assert.deepEqual(prediction.reasons, []);
      assert.ok(classifier.labels.includes(prediction.label!));
    }
    const huge = 'my parcel never arrived '.repeat(5_000);
    assert.equal(huge.length > 100_000, true);
    const started = performance.now();
    assert.equal(classifier.predict(huge).label, 'delivery');
    assert.ok(performance.now() - started < 200, 'a huge text is cut, not read whole');
    for (const value of [null, undefined, 42, {}] as unknown as string[]) {
      assert.equal(classifier.predict(value).confidence, 0);
    }
    assert.ok(classifier.predict('asdkjh qwpoeiru zxmcnb').confidence < 0.6);
  });

  it('skips unusable examples and can drop a label', () => {
    const classifier = createClassifier();
    const learned = classifier.learn([
      ...RETAIL_TRAINING_POSTS,
      { text: 'no label', label: '  ' },
      { text: 42, label: 'billing' } as unknown as LabeledText,
      null as unknown as LabeledText,
    ]);
    assert.equal(learned, 120);
    assert.equal(classifier.removeLabel('praise'), true);
    assert.equal(classifier.removeLabel('praise'), false);
    assert.equal(classifier.labels.includes('praise'), false);
    assert.notEqual(classifier.predict('Thank you, amazing service and lovely staff').label, 'praise');
    assert.equal(classifier.predict('The courier lost my parcel').label, 'delivery');
    const restored = TextClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
    assert.deepEqual(restored.predict('my refund is late'), classifier.predict('my refund is late'));
  });
});
