// Text features for the triage classifier: what a post becomes before a model sees it.
//
// - Text is accent-folded and lower-cased ("Café" and "CAFE" are both `cafe`), and cut
//   to its first MAX_TEXT_CHARS characters, so a 100,000-character paste costs no more
//   than a long post.
// - Words are runs of letters, digits and underscores; apostrophes inside a word vanish
//   ("don't" → `dont`); each emoji is a word of its own. Digits become 0 ("order
//   #48213" → `00000`), so order numbers and amounts generalize instead of memorizing.
// - Two blocks of features: words and word bigrams ("not good"), and character 3- to
//   5-grams inside each word padded with spaces (" refu", "und "), which carry typos,
//   plurals and word stems. Each feature is hashed into 2^hashBits slots, counted with
//   sublinear TF (1 + ln tf), and each block is L2-normalized on its own and scaled by
//   its weight, so the many character grams cannot drown the few words.
// - Every feature remembers the term it came from (a word, or a bigram's two words), so
//   a prediction can name the words that decided it without any hash → term dictionary.

/** How much of a text is read; the rest of a very long text is ignored. */
export const MAX_TEXT_CHARS = 5_000;

/** Letters that NFKD leaves alone. */
const HAND_FOLDS: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'þ': 'th', 'ı': 'i',
};
const HAND_FOLDABLE = new RegExp(`[${Object.keys(HAND_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- all of ASCII on purpose
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
const WORD_OR_EMOJI = /[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}_]+)*|\p{Extended_Pictographic}/gu;
const APOSTROPHES = /['’]/g;
const DIGITS = /\p{Nd}/gu;
const HAS_DIGIT = /\p{Nd}/u;

/** Lower-cases, removes accents and folds look-alike letters. */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').toLowerCase().replace(COMBINING_MARKS, '').replace(HAND_FOLDABLE, (char) => HAND_FOLDS[char]!);
}

/**
 * The words of a text, folded, in order. `foldDigits` turns every digit into 0 (the
 * model's view); keyword rules keep the digits.
 */
export function wordsOf(text: string, options: { foldDigits?: boolean } = {}): string[] {
  const folded = foldText(text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
  const words: string[] = [];
  for (const match of folded.matchAll(WORD_OR_EMOJI)) {
    let word = match[0];
    if (word.includes("'") || word.includes('’')) word = word.replace(APOSTROPHES, '');
    if (options.foldDigits && HAS_DIGIT.test(word)) word = word.replace(DIGITS, '0');
    words.push(word);
  }
  return words;
}

export interface FeatureOptions {
  /** The hash space has 2^hashBits slots. */
  hashBits: number;
  /** Scale of the word-and-bigram block after its L2 normalization. */
  wordWeight: number;
  /** Scale of the character n-gram block after its L2 normalization; 0 turns it off. */
  charWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { hashBits: 20, wordWeight: 1, charWeight: 1 };

/** A sparse feature vector: parallel arrays of slots and values. */
export interface FeatureVector {
  slots: Int32Array;
  values: Float32Array;
}

/** A feature vector whose features also say which terms of the text produced them. */
export interface ExplainedFeatureVector extends FeatureVector {
  /** The readable terms: each word once, each bigram once. */
  terms: string[];
  /** For feature i, the indexes into `terms` of the terms that produced it (with repeats). */
  termsOfFeature: number[][];
}

/**
 * The same, in the flat form a prediction's reasons are computed from: every occurrence
 * of a feature (one per count) with the term that produced it, and bigram terms kept as
 * their two words' indexes until one is named, so that explaining costs little more
 * than featurizing.
 */
export interface AttributedFeatureVector extends FeatureVector {
  /** Occurrence i is of feature occurrenceFeatures[i], produced by term occurrenceTerms[i]. */
  occurrenceFeatures: Int32Array;
  occurrenceTerms: Int32Array;
  /** How many terms there are (see termText). */
  termCount: number;
  /** The readable form of a term: a word, or a bigram's two words. */
  termText(term: number): string;
}

const WORD_SEED = 0x2f6b1d3;
const BIGRAM_SEED = 0x51ed27;
const CHAR_SEED = 0x6c8e9cf5;
const NGRAM_MIN = 3;
const NGRAM_MAX = 5;

/** FNV-1a over the characters of `text` from `start` to `end`, then mixed (Murmur3's finalizer). Stable: stored fingerprints depend on it. */
export function hashChars(text: string, start: number, end: number, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash);
}

/** Murmur3's finalizer: spreads every input bit over the low bits the mask keeps. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * One block's counts: slot → occurrences, in the order slots first occur. An
 * open-addressing table of typed arrays, reused from text to text (featurizing never
 * re-enters), rather than a Map per text: a post has hundreds of character grams.
 */
class BlockCounts {
  /** slot + 1 per table entry, 0 for empty. */
  private keys = new Int32Array(1024);
  private counts = new Int32Array(1024);
  /** The table entries in use, in order of first occurrence. */
  private used = new Int32Array(512);
  size = 0;

  clear(): void {
    for (let i = 0; i < this.size; i++) this.keys[this.used[i]!] = 0;
    this.size = 0;
  }

  add(slot: number): void {
    const mask = this.keys.length - 1;
    let at = Math.imul(slot, 0x9e3779b1) >>> 12 & mask;
    while (this.keys[at] !== 0 && this.keys[at] !== slot + 1) at = (at + 1) & mask;
    if (this.keys[at] === 0) {
      this.keys[at] = slot + 1;
      this.counts[at] = 1;
      this.used[this.size++] = at;
      if (this.size * 2 > this.keys.length) this.grow();
    } else {
      this.counts[at]!++;
    }
  }

  slotAt(i: number): number {
    return this.keys[this.used[i]!]! - 1;
  }

  countAt(i: number): number {
    return this.counts[this.used[i]!]!;
  }

  private grow(): void {
    const slots = Array.from({ length: this.size }, (_, i) => this.slotAt(i));
    const counts = Array.from({ length: this.size }, (_, i) => this.countAt(i));
    this.keys = new Int32Array(this.keys.length * 2);
    this.counts = new Int32Array(this.keys.length);
    this.used = new Int32Array(this.keys.length / 2);
    this.size = 0;
    slots.forEach((slot, i) => {
      this.add(slot);
      this.counts[this.used[i]!] = counts[i]!;
    });
  }
}

const wordCounts = new BlockCounts();
const charCounts = new BlockCounts();

/** hashChars of the n characters from `start` of ` word ` (the word padded with spaces), without making that string. */
function hashPaddedGram(word: string, start: number, n: number, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = start; i < start + n; i++) {
    hash ^= i === 0 || i === word.length + 1 ? 0x20 : word.charCodeAt(i - 1);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash);
}

/**
 * Where features come from, when asked: each occurrence's block, slot and term; words
 * as strings, bigrams as the indexes of their two words (read by termText).
 */
class Origins {
  readonly blocks: number[] = [];
  readonly slots: number[] = [];
  readonly terms: number[] = [];
  /** Per term: the word, or '' for a bigram. */
  readonly words: string[] = [];
  /** Per term: a bigram's first and second word terms; -1 for a word. */
  readonly firsts: number[] = [];
  readonly seconds: number[] = [];
  private readonly wordTerms = new Map<string, number>();
  private readonly bigramTerms = new Map<number, number>();

  wordTerm(word: string): number {
    let term = this.wordTerms.get(word);
    if (term === undefined) this.wordTerms.set(word, (term = this.newTerm(word, -1, -1)));
    return term;
  }

  bigramTerm(first: number, second: number): number {
    // Word terms number fewer than 2^20 (MAX_TEXT_CHARS), so the pair fits a double exactly.
    const key = first * 2 ** 21 + second;
    let term = this.bigramTerms.get(key);
    if (term === undefined) this.bigramTerms.set(key, (term = this.newTerm('', first, second)));
    return term;
  }

  note(block: number, slot: number, term: number): void {
    this.blocks.push(block);
    this.slots.push(slot);
    this.terms.push(term);
  }

  termText(term: number): string {
    const first = this.firsts[term]!;
    return first < 0 ? this.words[term]! : `${this.words[first]} ${this.words[this.seconds[term]!]}`;
  }

  private newTerm(word: string, first: number, second: number): number {
    this.words.push(word);
    this.firsts.push(first);
    this.seconds.push(second);
    return this.words.length - 1;
  }
}

const WORD_BLOCK = 0;
const CHAR_BLOCK = 1;

interface Featurized extends FeatureVector {
  /** The first feature of each block's in slots and values (the word block starts at 0). */
  charBlockStart: number;
}

function featurize(text: string, options: FeatureOptions, origins: Origins | null): Featurized {
  const words = wordsOf(text, { foldDigits: true });
  const mask = 2 ** options.hashBits - 1;
  const wordBlock = wordCounts;
  const charBlock = charCounts;
  wordBlock.clear();
  charBlock.clear();
  const wordHashes = words.map((word) => hashChars(word, 0, word.length, WORD_SEED));
  let previousTerm = -1;

  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const term = origins ? origins.wordTerm(word) : 0;
    const wordSlot = wordHashes[w]! & mask;
    wordBlock.add(wordSlot);
    origins?.note(WORD_BLOCK, wordSlot, term);
    if (w > 0) {
      const bigram = mix(Math.imul(wordHashes[w - 1]!, 0x9e3779b1) ^ wordHashes[w]! ^ BIGRAM_SEED) & mask;
      wordBlock.add(bigram);
      origins?.note(WORD_BLOCK, bigram, origins.bigramTerm(previousTerm, term));
    }
    previousTerm = term;
    if (options.charWeight > 0) {
      const paddedLength = word.length + 2;
      for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++) {
        for (let start = 0; start + n <= paddedLength; start++) {
          const slot = hashPaddedGram(word, start, n, CHAR_SEED + n) & mask;
          charBlock.add(slot);
          origins?.note(CHAR_BLOCK, slot, term);
        }
      }
    }
  }

  const slots: number[] = [];
  const values: number[] = [];
  const emit = (block: BlockCounts, weight: number) => {
    if (block.size === 0 || weight === 0) return;
    let sumOfSquares = 0;
    for (let i = 0; i < block.size; i++) sumOfSquares += (1 + Math.log(block.countAt(i))) ** 2;
    const scale = weight / Math.sqrt(sumOfSquares);
    for (let i = 0; i < block.size; i++) {
      slots.push(block.slotAt(i));
      values.push((1 + Math.log(block.countAt(i))) * scale);
    }
  };
  emit(wordBlock, options.wordWeight);
  const charBlockStart = slots.length;
  emit(charBlock, options.charWeight);
  return { slots: Int32Array.from(slots), values: Float32Array.from(values), charBlockStart };
}

/** Each occurrence's feature index: features are emitted block by block, each in order of first occurrence. */
function occurrenceFeatures(vector: Featurized, origins: Origins): Int32Array {
  const featureOf = [new Map<number, number>(), new Map<number, number>()] as const;
  for (let i = 0; i < vector.slots.length; i++) featureOf[i < vector.charBlockStart ? WORD_BLOCK : CHAR_BLOCK].set(vector.slots[i]!, i);
  const features = new Int32Array(origins.slots.length);
  for (let i = 0; i < features.length; i++) features[i] = featureOf[origins.blocks[i] as 0 | 1].get(origins.slots[i]!) ?? -1;
  return features;
}

/** The feature vector of a text, for training and scoring. */
export function textFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): FeatureVector {
  const { slots, values } = featurize(text, options, null);
  return { slots, values };
}

/**
 * The feature vector of a text with, for each occurrence of a feature, the term that
 * produced it: what a prediction's reasons are computed from. An occurrence of a block
 * whose weight is 0 has feature -1.
 */
export function attributedTextFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): AttributedFeatureVector {
  const origins = new Origins();
  const vector = featurize(text, options, origins);
  return {
    slots: vector.slots,
    values: vector.values,
    occurrenceFeatures: occurrenceFeatures(vector, origins),
    occurrenceTerms: Int32Array.from(origins.terms),
    termCount: origins.words.length,
    termText: (term) => origins.termText(term),
  };
}

/** The feature vector of a text with the terms behind each feature, for explanations. */
export function explainedTextFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): ExplainedFeatureVector {
  const attributed = attributedTextFeatures(text, options);
  const termsOfFeature = Array.from(attributed.slots, (): number[] => []);
  attributed.occurrenceFeatures.forEach((feature, i) => {
    if (feature >= 0) termsOfFeature[feature]!.push(attributed.occurrenceTerms[i]!);
  });
  const terms = Array.from({ length: attributed.termCount }, (_, term) => attributed.termText(term));
  return { slots: attributed.slots, values: attributed.values, terms, termsOfFeature };
}
