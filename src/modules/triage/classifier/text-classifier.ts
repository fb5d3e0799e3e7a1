// The learning text classifier of triage: an organization teaches it its own categories
// (or sentiment) from labeled posts, and it keeps learning from outcomes.
//
// Model: multinomial logistic regression (softmax) over hashed word, bigram and
// character n-gram features (text-features.ts), trained by AdaGrad with L2. Why this
// one: it is truly incremental (one example is one cheap update, a new label is a new
// column), its probabilities are usable as confidence, its weights are linear so the
// terms that decided a prediction can be read off exactly, and on short texts such a
// linear model over word and character n-grams is as accurate as anything that trains
// in seconds without a GPU.
//
// - `retrain(all)` starts from zero and makes several shuffled passes over everything.
// - `learn(new)` makes a few passes over the new examples mixed with a replay sample of
//   older ones (kept per label, so a rare label is not forgotten when a common one gets
//   a burst of corrections). A first `learn` on an untrained classifier is a retrain.
// - Feature rows are allocated only for slots seen in training, so the model's size
//   follows its vocabulary, not the 2^20 hash space.
// - `predict` never throws: empty text, emoji only, lone surrogates and huge pastes give
//   a prediction; when none of the text's features was seen in training the confidence
//   is 0.
import {
  attributedTextFeatures,
  DEFAULT_FEATURE_OPTIONS,
  textFeatures,
  type AttributedFeatureVector,
  type FeatureOptions,
} from './text-features.ts';

export interface LabeledText {
  text: string;
  label: string;
}

/** A term of the text and how much it pushed the prediction towards the chosen label. */
export interface Reason {
  term: string;
  weight: number;
}

export interface Prediction {
  /** The most likely label; null only when the classifier has learned no label yet. */
  label: string | null;
  /** The model's probability of `label`, 0 when the text has nothing the model knows. */
  confidence: number;
  /** The terms that pushed hardest towards `label`, strongest first. */
  reasons: Reason[];
  /** The probability of every label. */
  scores: Record<string, number>;
}

export interface ClassifierOptions extends Partial<FeatureOptions> {
  /** AdaGrad's base step. */
  learningRate?: number;
  /** L2 penalty per update, against over-confident weights on rare terms. */
  l2?: number;
  /** Passes over all examples in `retrain`. */
  epochs?: number;
  /** Passes over new examples (and their replay sample) in `learn`. */
  incrementalEpochs?: number;
  /** Older examples kept per label for replay in `learn`; 0 keeps none. */
  replayPerLabel?: number;
  /** Replayed examples per new example in `learn`. */
  replayRatio?: number;
  /** Replayed examples in `learn` at least (all kept ones when fewer are kept). */
  replayMinimum?: number;
  /** How many reasons a prediction names at most. */
  maxReasons?: number;
  /** Seed of the shuffles and of the replay sampling, so runs repeat. */
  seed?: number;
}

type ResolvedOptions = Required<ClassifierOptions>;

export const DEFAULT_CLASSIFIER_OPTIONS: ResolvedOptions = {
  ...DEFAULT_FEATURE_OPTIONS,
  learningRate: 0.3,
  l2: 1e-5,
  epochs: 6,
  incrementalEpochs: 4,
  replayPerLabel: 100,
  replayRatio: 4,
  replayMinimum: 500,
  maxReasons: 5,
  seed: 1,
};

/** Serialized form: compact (typed arrays as base64) and JSON-safe, for a database row or a file. */
export interface SerializedClassifier {
  format: 'herd-text-classifier';
  version: 1;
  options: ResolvedOptions;
  labels: string[];
  /** Examples learned per label. */
  labelCounts: number[];
  /** Hash slot of each feature row (Int32Array, base64). */
  rowSlots: string;
  /** Row-major weights, one row per feature, one column per label (Float32Array, base64). */
  weights: string;
  /** AdaGrad's squared-gradient sums, same shape (Float32Array, base64). */
  accumulators: string;
  bias: number[];
  biasAccumulators: number[];
  replay: LabeledText[][];
  replaySeen: number[];
  rngState: number;
}

/** AdaGrad's starting accumulator, which caps the very first steps. */
const INITIAL_ACCUMULATOR = 0.1;
/** Classes whose gradient is below this are skipped in an update (their L2 shrink waits). */
const NEGLIGIBLE_GRADIENT = 1e-3;

export class TextClassifier {
  readonly options: ResolvedOptions;
  #labels: string[] = [];
  #labelIndex = new Map<string, number>();
  #labelCounts: number[] = [];
  /** Hash slot → feature row + 1 (0: not seen in training); allocated on first training. */
  #rowOfSlot: Int32Array | null = null;
  #rowSlots = new Int32Array(1024);
  #rows = 0;
  #weights = new Float32Array(0);
  #accumulators = new Float32Array(0);
  #bias: number[] = [];
  #biasAccumulators: number[] = [];
  #replay: LabeledText[][] = [];
  #replaySeen: number[] = [];
  #rngState: number;
  /** Scratch: the labels a training step updates. */
  #active = new Int32Array(16);

  constructor(options: ClassifierOptions = {}) {
    this.options = { ...DEFAULT_CLASSIFIER_OPTIONS, ...definedOnly(options) };
    if (!Number.isInteger(this.options.hashBits) || this.options.hashBits < 8 || this.options.hashBits > 24) {
      throw new RangeError('hashBits must be an integer from 8 to 24');
    }
    this.#rngState = this.options.seed >>> 0;
  }

  /** The labels learned so far, in the order they were first seen. */
  get labels(): readonly string[] {
    return this.#labels;
  }

  /** How many examples of each label were learned. */
  get labelCounts(): Record<string, number> {
    return Object.fromEntries(this.#labels.map((label, index) => [label, this.#labelCounts[index]!]));
  }

  /** Feature rows in the model: the size of its vocabulary of hashed features. */
  get featureCount(): number {
    return this.#rows;
  }

  get trained(): boolean {
    return this.#labelCounts.some((count) => count > 0);
  }

  /**
   * Learns from new labeled examples: a few passes over them mixed with a replay sample
   * of older ones. A label not seen before is added. Examples with an empty label or a
   * text that is not a string are skipped; returns how many were learned.
   */
  learn(examples: readonly LabeledText[]): number {
    const valid = examples.filter(isUsableExample);
    if (valid.length === 0) return 0;
    if (!this.trained) return this.retrain(valid);
    const fresh = valid.map((example) => this.#prepare(example, true));
    const wanted = Math.max(this.options.replayMinimum, Math.ceil(valid.length * this.options.replayRatio));
    const replayCount = Math.min(this.#replaySize(), wanted);
    const replayed = this.#sampleReplay(replayCount).map((example) => this.#prepare(example, false));
    const batch = [...fresh, ...replayed];
    for (let epoch = 0; epoch < this.options.incrementalEpochs; epoch++) {
      this.#shuffle(batch);
      for (const example of batch) this.#step(example.features, example.label);
    }
    for (const example of valid) this.#remember(example);
    return valid.length;
  }

  /** Forgets everything learned and trains from scratch on `examples`; returns how many were learned. */
  retrain(examples: readonly LabeledText[]): number {
    const valid = examples.filter(isUsableExample);
    this.#reset();
    const prepared = valid.map((example) => this.#prepare(example, true));
    for (let epoch = 0; epoch < this.options.epochs; epoch++) {
      this.#shuffle(prepared);
      for (const example of prepared) this.#step(example.features, example.label);
    }
    for (const example of valid) this.#remember(example);
    return valid.length;
  }

  /** Drops a label (a category the organization deleted): it is never predicted again. */
  removeLabel(label: string): boolean {
    const removed = this.#labelIndex.get(label);
    if (removed === undefined) return false;
    const oldWidth = this.#labels.length;
    const keep = (_: unknown, index: number) => index !== removed;
    this.#labels = this.#labels.filter(keep);
    this.#labelIndex = new Map(this.#labels.map((name, index) => [name, index]));
    this.#labelCounts = this.#labelCounts.filter(keep);
    this.#bias = this.#bias.filter(keep);
    this.#biasAccumulators = this.#biasAccumulators.filter(keep);
    this.#replay = this.#replay.filter(keep);
    this.#replaySeen = this.#replaySeen.filter(keep);
    const rowCapacity = this.#weights.length / Math.max(oldWidth, 1);
    const width = this.#labels.length;
    const weights = new Float32Array(rowCapacity * width);
    const accumulators = new Float32Array(rowCapacity * width);
    for (let row = 0; row < this.#rows; row++) {
      for (let from = 0, to = 0; from < oldWidth; from++) {
        if (from === removed) continue;
        weights[row * width + to] = this.#weights[row * oldWidth + from]!;
        accumulators[row * width + to] = this.#accumulators[row * oldWidth + from]!;
        to++;
      }
    }
    this.#weights = weights;
    this.#accumulators = accumulators;
    return true;
  }

  /** The label of a text, its probability and the terms that decided it. Never throws. */
  predict(text: string, options: { explain?: boolean } = {}): Prediction {
    const explain = options.explain ?? true;
    const width = this.#labels.length;
    if (width === 0) return { label: null, confidence: 0, reasons: [], scores: {} };
    const safeText = typeof text === 'string' ? text : '';
    const explained = explain ? attributedTextFeatures(safeText, this.options) : null;
    const features = explained ?? textFeatures(safeText, this.options);
    const rows = this.#knownRows(features.slots);
    const probabilities = this.#probabilities(rows, features.values);
    let best = 0;
    for (let k = 1; k < width; k++) if (probabilities[k]! > probabilities[best]!) best = k;
    const known = rows.some((row) => row >= 0);
    const scores = Object.fromEntries(this.#labels.map((label, k) => [label, probabilities[k]!]));
    const prediction: Prediction = { label: this.#labels[best]!, confidence: known ? probabilities[best]! : 0, reasons: [], scores };
    if (explained && known) {
      prediction.reasons = this.#reasons(best, probabilities, rows, explained);
    }
    return prediction;
  }

  toJSON(): SerializedClassifier {
    const width = this.#labels.length;
    return {
      format: 'herd-text-classifier',
      version: 1,
      options: { ...this.options },
      labels: [...this.#labels],
      labelCounts: [...this.#labelCounts],
      rowSlots: toBase64(this.#rowSlots.subarray(0, this.#rows)),
      weights: toBase64(this.#weights.subarray(0, this.#rows * width)),
      accumulators: toBase64(this.#accumulators.subarray(0, this.#rows * width)),
      bias: [...this.#bias],
      biasAccumulators: [...this.#biasAccumulators],
      replay: this.#replay.map((examples) => examples.map(({ text, label }) => ({ text, label }))),
      replaySeen: [...this.#replaySeen],
      rngState: this.#rngState,
    };
  }

  /** Rebuilds a classifier from `toJSON()`'s output; throws on anything else. */
  static fromJSON(input: unknown): TextClassifier {
    const data = (typeof input === 'string' ? JSON.parse(input) : input) as SerializedClassifier;
    if (data?.format !== 'herd-text-classifier' || data.version !== 1) {
      throw new Error('Not a serialized Herd text classifier (format herd-text-classifier, version 1)');
    }
    const classifier = new TextClassifier(data.options);
    const width = data.labels.length;
    const rowSlots = new Int32Array(fromBase64(data.rowSlots));
    const weights = new Float32Array(fromBase64(data.weights));
    const accumulators = new Float32Array(fromBase64(data.accumulators));
    if (weights.length !== rowSlots.length * width || accumulators.length !== weights.length
      || data.bias.length !== width || data.labelCounts.length !== width) {
      throw new Error('Serialized text classifier is inconsistent: its arrays do not match its labels');
    }
    classifier.#labels = [...data.labels];
    classifier.#labelIndex = new Map(data.labels.map((label, index) => [label, index]));
    classifier.#labelCounts = [...data.labelCounts];
    classifier.#bias = [...data.bias];
    classifier.#biasAccumulators = [...data.biasAccumulators];
    classifier.#replay = data.replay.map((examples) => [...examples]);
    classifier.#replaySeen = [...data.replaySeen];
    classifier.#rngState = data.rngState >>> 0;
    classifier.#rows = rowSlots.length;
    classifier.#rowSlots = rowSlots.length > 0 ? rowSlots : new Int32Array(1024);
    classifier.#weights = weights;
    classifier.#accumulators = accumulators;
    const rowOfSlot = new Int32Array(2 ** classifier.options.hashBits);
    for (let row = 0; row < rowSlots.length; row++) rowOfSlot[rowSlots[row]!] = row + 1;
    classifier.#rowOfSlot = rowOfSlot;
    return classifier;
  }

  #reset(): void {
    this.#labels = [];
    this.#labelIndex = new Map();
    this.#labelCounts = [];
    this.#rowOfSlot?.fill(0);
    this.#rows = 0;
    this.#weights = new Float32Array(0);
    this.#accumulators = new Float32Array(0);
    this.#bias = [];
    this.#biasAccumulators = [];
    this.#replay = [];
    this.#replaySeen = [];
    this.#rngState = this.options.seed >>> 0;
  }

  /** Featurizes an example, adding its label and the feature rows it needs; `isNew` counts it. */
  #prepare(example: LabeledText, isNew: boolean): { features: { rows: Int32Array; values: Float32Array }; label: number } {
    const label = this.#labelFor(example.label);
    if (isNew) this.#labelCounts[label]!++;
    const vector = textFeatures(example.text, this.options);
    const rows = new Int32Array(vector.slots.length);
    for (let i = 0; i < rows.length; i++) rows[i] = this.#rowFor(vector.slots[i]!);
    return { features: { rows, values: vector.values }, label };
  }

  #labelFor(label: string): number {
    const existing = this.#labelIndex.get(label);
    if (existing !== undefined) return existing;
    const oldWidth = this.#labels.length;
    const width = oldWidth + 1;
    const rowCapacity = oldWidth === 0 ? Math.max(1024, this.#rows) : this.#weights.length / oldWidth;
    const weights = new Float32Array(rowCapacity * width);
    const accumulators = new Float32Array(rowCapacity * width).fill(INITIAL_ACCUMULATOR);
    for (let row = 0; row < this.#rows; row++) {
      weights.set(this.#weights.subarray(row * oldWidth, (row + 1) * oldWidth), row * width);
      accumulators.set(this.#accumulators.subarray(row * oldWidth, (row + 1) * oldWidth), row * width);
    }
    this.#weights = weights;
    this.#accumulators = accumulators;
    this.#labels.push(label);
    this.#labelIndex.set(label, oldWidth);
    this.#labelCounts.push(0);
    this.#bias.push(0);
    this.#biasAccumulators.push(INITIAL_ACCUMULATOR);
    this.#replay.push([]);
    this.#replaySeen.push(0);
    return oldWidth;
  }

  #rowFor(slot: number): number {
    this.#rowOfSlot ??= new Int32Array(2 ** this.options.hashBits);
    const existing = this.#rowOfSlot[slot]!;
    if (existing > 0) return existing - 1;
    const width = this.#labels.length;
    const row = this.#rows++;
    if (row >= this.#rowSlots.length) {
      const grown = new Int32Array(this.#rowSlots.length * 2);
      grown.set(this.#rowSlots);
      this.#rowSlots = grown;
    }
    if ((row + 1) * width > this.#weights.length) {
      const capacity = Math.max(1024, (this.#weights.length / width) * 2);
      const weights = new Float32Array(capacity * width);
      weights.set(this.#weights);
      const accumulators = new Float32Array(capacity * width).fill(INITIAL_ACCUMULATOR);
      accumulators.set(this.#accumulators);
      this.#weights = weights;
      this.#accumulators = accumulators;
    }
    this.#rowSlots[row] = slot;
    this.#rowOfSlot[slot] = row + 1;
    return row;
  }

  /** The feature rows of slots, -1 for a slot never seen in training. */
  #knownRows(slots: Int32Array): Int32Array {
    const rows = new Int32Array(slots.length).fill(-1);
    const rowOfSlot = this.#rowOfSlot;
    if (rowOfSlot) for (let i = 0; i < slots.length; i++) rows[i] = rowOfSlot[slots[i]!]! - 1;
    return rows;
  }

  #probabilities(rows: Int32Array, values: Float32Array): Float64Array {
    const width = this.#labels.length;
    const scores = Float64Array.from(this.#bias);
    const weights = this.#weights;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row < 0) continue;
      const value = values[i]!;
      const base = row * width;
      for (let k = 0; k < width; k++) scores[k]! += value * weights[base + k]!;
    }
    return softmaxInPlace(scores);
  }

  /** One AdaGrad step of the softmax loss on one example. */
  #step(features: { rows: Int32Array; values: Float32Array }, label: number): void {
    const width = this.#labels.length;
    if (this.#active.length < width) this.#active = new Int32Array(width * 2);
    const gradient = this.#probabilities(features.rows, features.values);
    gradient[label]! -= 1;
    const { learningRate, l2 } = this.options;
    for (let k = 0; k < width; k++) {
      const g = gradient[k]!;
      this.#biasAccumulators[k]! += g * g;
      this.#bias[k]! -= (learningRate * g) / Math.sqrt(this.#biasAccumulators[k]!);
    }
    // Only labels with a real gradient are updated: once the model is fairly sure, that
    // is a handful of the labels, which keeps training fast with many labels.
    let activeCount = 0;
    for (let k = 0; k < width; k++) {
      const g = gradient[k]!;
      if (g >= NEGLIGIBLE_GRADIENT || g <= -NEGLIGIBLE_GRADIENT) this.#active[activeCount++] = k;
    }
    const active = this.#active;
    const weights = this.#weights;
    const accumulators = this.#accumulators;
    for (let i = 0; i < features.rows.length; i++) {
      const base = features.rows[i]! * width;
      const value = features.values[i]!;
      for (let a = 0; a < activeCount; a++) {
        const k = active[a]!;
        const g = gradient[k]!;
        const at = base + k;
        const step = g * value + l2 * weights[at]!;
        accumulators[at]! += step * step;
        weights[at]! -= (learningRate * step) / Math.sqrt(accumulators[at]!);
      }
    }
  }

  /**
   * Each term's share of the push towards `label`: a feature's value times how much more
   * its weight favours `label` than the competing labels (their weights averaged by
   * their probabilities, so the runner-up counts most), split evenly among the terms
   * that produced the feature and summed per term. Unlike the gradient of p(label), this
   * does not fade to zero when the model is sure.
   */
  #reasons(label: number, probabilities: Float64Array, rows: Int32Array, features: AttributedFeatureVector): Reason[] {
    const width = this.#labels.length;
    const weights = this.#weights;
    const competitorMass = 1 - probabilities[label]!;
    const competitorShares = new Float64Array(width);
    for (let k = 0; k < width; k++) {
      if (k !== label) competitorShares[k] = competitorMass > 1e-12 ? probabilities[k]! / competitorMass : 1 / (width - 1);
    }
    // Each feature's contribution, split evenly among its occurrences.
    const { values, occurrenceFeatures, occurrenceTerms } = features;
    const occurrences = new Int32Array(rows.length);
    for (let i = 0; i < occurrenceFeatures.length; i++) if (occurrenceFeatures[i]! >= 0) occurrences[occurrenceFeatures[i]!]!++;
    const perOccurrence = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row < 0) continue;
      const base = row * width;
      let competitors = 0;
      for (let k = 0; k < width; k++) competitors += competitorShares[k]! * weights[base + k]!;
      perOccurrence[i] = (values[i]! * (weights[base + label]! - (width > 1 ? competitors : 0))) / occurrences[i]!;
    }
    const push = new Float64Array(features.termCount);
    for (let i = 0; i < occurrenceFeatures.length; i++) {
      const feature = occurrenceFeatures[i]!;
      if (feature >= 0) push[occurrenceTerms[i]!]! += perOccurrence[feature]!;
    }
    const rounded = (term: number) => Math.round(push[term]! * 1000) / 1000;
    const chosen: number[] = [];
    for (let term = 0; term < push.length; term++) if (rounded(term) > 0) chosen.push(term);
    // Strongest first; among equals, the term that came first (a stable sort).
    chosen.sort((a, b) => rounded(b) - rounded(a) || a - b);
    return chosen.slice(0, this.options.maxReasons).map((term) => ({ term: features.termText(term), weight: rounded(term) }));
  }

  /** Keeps an example for replay: reservoir sampling within its label. */
  #remember(example: LabeledText): void {
    const capacity = this.options.replayPerLabel;
    if (capacity <= 0) return;
    const label = this.#labelIndex.get(example.label)!;
    const kept = this.#replay[label]!;
    const seen = ++this.#replaySeen[label]!;
    const copy = { text: example.text, label: example.label };
    if (kept.length < capacity) kept.push(copy);
    else {
      const slot = Math.floor(this.#random() * seen);
      if (slot < capacity) kept[slot] = copy;
    }
  }

  #replaySize(): number {
    return this.#replay.reduce((sum, kept) => sum + kept.length, 0);
  }

  #sampleReplay(count: number): LabeledText[] {
    const all = this.#replay.flat();
    for (let i = 0; i < count && i < all.length; i++) {
      const j = i + Math.floor(this.#random() * (all.length - i));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    return all.slice(0, count);
  }

  #shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.#random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  }

  /** Mulberry32: small, fast and seeded, so training is repeatable. */
  #random(): number {
    this.#rngState = (this.#rngState + 0x6d2b79f5) >>> 0;
    let t = this.#rngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** A classifier ready to learn; see TextClassifier. */
export function createClassifier(options: ClassifierOptions = {}): TextClassifier {
  return new TextClassifier(options);
}

function isUsableExample(example: LabeledText): boolean {
  return typeof example?.text === 'string' && typeof example.label === 'string' && example.label.trim() !== '';
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
  return scores;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function toBase64(array: Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** Decodes base64 into a fresh, aligned buffer (a Buffer's own may be pooled and unaligned). */
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return copy;
}
