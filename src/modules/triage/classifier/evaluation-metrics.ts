// Metrics and data splits for evaluating classifiers (bench/eval-triage.ts): accuracy,
// macro-averaged F1 and recall, stratified k-fold splits and stratified subsamples for
// learning curves. Kept here, beside the classifier, so they are tested with it.
import { seededRandom } from '../../../seeded-random.ts';

export function accuracy(gold: readonly string[], predicted: readonly string[]): number {
  checkSameLength(gold, predicted);
  if (gold.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  return correct / gold.length;
}

export interface PerLabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/**
 * Precision, recall and F1 of each label. `labels` defaults to every label in gold or
 * predicted (as scikit-learn does); a label never predicted has precision 0, one never
 * in gold has recall 0.
 */
export function perLabelScores(gold: readonly string[], predicted: readonly string[], labels?: readonly string[]): Map<string, PerLabelScores> {
  checkSameLength(gold, predicted);
  const names = labels ?? [...new Set([...gold, ...predicted])].sort();
  const scores = new Map<string, PerLabelScores>();
  for (const label of names) {
    let truePositives = 0;
    let goldCount = 0;
    let predictedCount = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] === label) goldCount++;
      if (predicted[i] === label) predictedCount++;
      if (gold[i] === label && predicted[i] === label) truePositives++;
    }
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = goldCount === 0 ? 0 : truePositives / goldCount;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    scores.set(label, { precision, recall, f1, support: goldCount });
  }
  return scores;
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** The unweighted mean of the labels' F1. */
export function macroF1(gold: readonly string[], predicted: readonly string[], labels?: readonly string[]): number {
  return mean([...perLabelScores(gold, predicted, labels).values()].map((score) => score.f1));
}

/** The unweighted mean of the labels' recall (TweetEval's sentiment metric). */
export function macroRecall(gold: readonly string[], predicted: readonly string[], labels?: readonly string[]): number {
  return mean([...perLabelScores(gold, predicted, labels).values()].map((score) => score.recall));
}

export interface Fold {
  train: number[];
  test: number[];
}

/**
 * `k` folds over the indexes of `labels`, each label's items dealt round-robin over the
 * folds after a seeded shuffle, so every fold has each label in about the same share.
 */
export function stratifiedKFold(labels: readonly string[], k: number, seed = 1): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be an integer of at least 2');
  const random = seededRandom(seed);
  const foldOf = new Array<number>(labels.length);
  let next = 0;
  for (const indexes of groupByLabel(labels).values()) {
    shuffle(indexes, random);
    for (const index of indexes) foldOf[index] = next++ % k;
  }
  return Array.from({ length: k }, (_, fold) => ({
    train: labels.flatMap((_label, index) => (foldOf[index] === fold ? [] : [index])),
    test: labels.flatMap((_label, index) => (foldOf[index] === fold ? [index] : [])),
  }));
}

/**
 * `size` of the given indexes, drawn so every label gets its share (at least one each
 * while `size` allows, taken round-robin over the labels in shuffled order); all of
 * them when `size` is not smaller.
 */
export function stratifiedSample(indexes: readonly number[], labels: readonly string[], size: number, seed = 1): number[] {
  if (size >= indexes.length) return [...indexes];
  if (size <= 0) return [];
  const random = seededRandom(seed);
  const groups = [...groupByLabel(indexes.map((index) => labels[index]!), indexes).values()];
  for (const group of groups) shuffle(group, random);
  shuffle(groups, random);
  // Proportional shares, at least one per label, then round-robin to fill up.
  const taken = groups.map((group) => Math.min(group.length, Math.max(1, Math.floor((group.length / indexes.length) * size))));
  let total = taken.reduce((sum, count) => sum + count, 0);
  for (let g = 0; total > size; g = (g + 1) % groups.length) {
    if (taken[g]! > 0) {
      taken[g]!--;
      total--;
    }
  }
  for (let g = 0; total < size; g = (g + 1) % groups.length) {
    if (taken[g]! < groups[g]!.length) {
      taken[g]!++;
      total++;
    }
  }
  return groups.flatMap((group, g) => group.slice(0, taken[g]));
}

function groupByLabel(labels: readonly string[], indexes?: readonly number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  labels.forEach((label, position) => {
    const index = indexes ? indexes[position]! : position;
    const group = groups.get(label);
    if (group) group.push(index);
    else groups.set(label, [index]);
  });
  return groups;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function checkSameLength(gold: readonly unknown[], predicted: readonly unknown[]): void {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels but predicted has ${predicted.length}`);
}

/**
 * Expected calibration error: predictions binned by confidence into `bins` equal-width
 * bins; the gap between each bin's mean confidence and its accuracy, weighted by the
 * bin's share of predictions. 0 when confidence means what it says.
 */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  checkSameLength(confidences, correct);
  if (confidences.length === 0) return 0;
  const confidenceSum = new Array<number>(bins).fill(0);
  const correctCount = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  confidences.forEach((confidence, i) => {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(confidence * bins)));
    confidenceSum[bin]! += confidence;
    correctCount[bin]! += correct[i] ? 1 : 0;
    count[bin]!++;
  });
  let error = 0;
  for (let bin = 0; bin < bins; bin++) {
    if (count[bin] === 0) continue;
    error += (count[bin]! / confidences.length) * Math.abs(confidenceSum[bin]! / count[bin]! - correctCount[bin]! / count[bin]!);
  }
  return error;
}
