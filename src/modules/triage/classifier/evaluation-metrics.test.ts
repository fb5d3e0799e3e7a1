import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accuracy, expectedCalibrationError, macroF1, macroRecall, perLabelScores, stratifiedKFold, stratifiedSample } from './evaluation-metrics.ts';

// gold:      a a a b b c
// predicted: a a b b c c
// a: tp 2, predicted 2, gold 3 → P 1, R 2/3, F1 0.8
// b: tp 1, predicted 2, gold 2 → P 1/2, R 1/2, F1 1/2
// c: tp 1, predicted 2, gold 1 → P 1/2, R 1, F1 2/3
const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
const predicted = ['a', 'a', 'b', 'b', 'c', 'c'];
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('evaluation metrics', () => {
  it('computes accuracy, per-label scores, macro-F1 and macro-recall by hand', () => {
    close(accuracy(gold, predicted), 4 / 6);
    const scores = perLabelScores(gold, predicted);
    close(scores.get('a')!.f1, 0.8);
    close(scores.get('b')!.precision, 0.5);
    close(scores.get('c')!.recall, 1);
    assert.equal(scores.get('a')!.support, 3);
    close(macroF1(gold, predicted), (0.8 + 0.5 + 2 / 3) / 3);
    close(macroRecall(gold, predicted), (2 / 3 + 1 / 2 + 1) / 3);
  });

  it('counts a label that is only predicted, and one never predicted, as zero', () => {
    close(macroF1(['a', 'a'], ['a', 'x']), (2 / 3 + 0) / 2);
    close(macroRecall(['a', 'b'], ['a', 'a']), 0.5);
    close(macroF1(['a', 'b'], ['a', 'a'], ['a', 'b', 'c']), (2 / 3 + 0 + 0) / 3);
    assert.equal(accuracy([], []), 0);
    assert.throws(() => accuracy(['a'], []), RangeError);
  });

  it('splits into stratified folds that cover every item once', () => {
    const labels = [...'aaaaaaaaaabbbbbccccc'];
    const folds = stratifiedKFold(labels, 5, 3);
    assert.equal(folds.length, 5);
    const tested = folds.flatMap((fold) => fold.test).sort((x, y) => x - y);
    assert.deepEqual(tested, labels.map((_, index) => index));
    for (const fold of folds) {
      assert.deepEqual(fold.test.map((index) => labels[index]).sort(), ['a', 'a', 'b', 'c']);
      assert.equal(fold.train.length + fold.test.length, labels.length);
      assert.equal(fold.train.some((index) => fold.test.includes(index)), false);
    }
    assert.deepEqual(stratifiedKFold(labels, 5, 3), folds, 'the same seed gives the same folds');
    assert.throws(() => stratifiedKFold(labels, 1), RangeError);
  });

  it('samples every label while the size allows, in proportion', () => {
    const labels = [...'aaaaaaaaaabbbbbccccc'];
    const all = labels.map((_, index) => index);
    const ten = stratifiedSample(all, labels, 10, 2);
    assert.equal(ten.length, 10);
    assert.equal(new Set(ten).size, 10);
    const counts = (sample: number[]) => Object.fromEntries(['a', 'b', 'c'].map((l) => [l, sample.filter((i) => labels[i] === l).length]));
    // Shares 5, 2.5, 2.5 → 5, 2, 2, and the one left over goes to one label.
    const { a, b, c } = counts(ten);
    assert.ok(a! >= 5 && a! <= 6 && b! >= 2 && b! <= 3 && c! >= 2 && c! <= 3, JSON.stringify(counts(ten)));
    const two = stratifiedSample(all, labels, 2, 2);
    assert.equal(two.length, 2);
    assert.equal(new Set(two.map((index) => labels[index])).size, 2, 'two different labels');
    assert.deepEqual(stratifiedSample(all, labels, 99), all);
    assert.deepEqual(stratifiedSample(all, labels, 0), []);
  });

  it('measures calibration as the weighted gap between confidence and accuracy', () => {
    // Bin 0.9: confidences 0.9, 0.9, one right → gap 0.4, weight 1/2; bin 0.6: 0.6, 0.6, both right → gap 0.4.
    close(expectedCalibrationError([0.9, 0.9, 0.6, 0.6], [true, false, true, true]), 0.4);
    close(expectedCalibrationError([1, 1], [true, true]), 0);
    assert.equal(expectedCalibrationError([], []), 0);
  });
});
