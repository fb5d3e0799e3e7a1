// Sentiment of a social post: VADER's rules (vader.ts) over VADER's lexicon plus Herd's
// social and complaint additions, then sarcasm markers, then VADER's compound score.
// Pure and synchronous; never throws, whatever the text. See docs/triage-sentiment.md.
import { sarcasmTag, sarcasticPraise, trailingNot } from './social-rules.ts';
import { tokenize, type Token } from './tokenize.ts';
import { butCheck, punctuationEmphasis, scoreTokens, vaderScores } from './vader.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentReason {
  /** A word, phrase, emoji or emoticon as written. */
  term: string;
  /** Its valence after the rules, on VADER's -4..4 scale (summed if it occurs more than once). */
  weight: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** VADER's compound score, -1 (most negative) .. 1 (most positive). */
  score: number;
  /** 0..1: how far to trust `label`. */
  confidence: number;
  /** The terms that moved the score most, strongest first. */
  reasons: SentimentReason[];
  /** VADER's proportions of the text that read positive, neutral and negative (sum 1, or all 0 for no tokens). */
  proportions: { pos: number; neu: number; neg: number };
}

export interface SentimentOptions {
  /** The post's language (ISO 639-1) if known: the lexicons are English, so others earn less trust. */
  language?: string | null;
}

/** Compound scores at or beyond these are positive or negative, as in VADER. */
export const POSITIVE_THRESHOLD = 0.05;
export const NEGATIVE_THRESHOLD = -0.05;
/** Longer posts are read up to here; the rest is ignored and confidence capped. */
export const MAX_ANALYZED_CHARS = 10_000;
const MAX_REASONS = 5;
/** A compound this far from zero counts as a clear label. */
const CLEAR_COMPOUND = 0.5;
/** Share of letters in Latin script at which the (English) lexicons can read a post in full. */
const LATIN_SHARE_FOR_FULL_CONFIDENCE = 0.8;
const NEUTRAL_UNRATED_CONFIDENCE = 0.6;
const NEUTRAL_MIXED_CONFIDENCE = 0.4;
/** Emoji and emoticons alone are a hint, not a reading. */
const SYMBOLS_ONLY_CONFIDENCE = 0.35;
const TRUNCATED_CONFIDENCE = 0.3;
const DAMAGED_CONFIDENCE = 0.3;
const OTHER_LANGUAGE_FACTOR = 0.4;

const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const input = typeof text === 'string' ? text : '';
  const truncated = input.length > MAX_ANALYZED_CHARS;
  const analyzed = truncated ? input.slice(0, MAX_ANALYZED_CHARS) : input;
  const wellFormedText = analyzed.replace(LONE_SURROGATE, '');
  const tokenized = tokenize(wellFormedText);
  const { exclamations, questions } = tokenized;
  // The lexicons are English: in a post known to be in another language, a word such as
  // German "die" must not read as English "die", so only emoji and emoticons count there.
  const otherLanguage = Boolean(options.language && options.language !== 'en');
  const tokens = otherLanguage ? tokenized.tokens.filter((token) => token.kind === 'emoji' || token.kind === 'emoticon') : tokenized.tokens;
  const { valences, origins, terms } = scoreTokens(tokens);
  sarcasmTag(tokens, valences);
  trailingNot(tokens, valences);
  sarcasticPraise(tokens, valences, origins);
  butCheck(tokens, valences);
  const { compound, pos, neu, neg } = vaderScores(valences, punctuationEmphasis(exclamations, questions));
  const label: SentimentLabel = compound >= POSITIVE_THRESHOLD ? 'positive' : compound <= NEGATIVE_THRESHOLD ? 'negative' : 'neutral';
  let confidence = labelConfidence(label, compound, pos, neg, valences.filter((valence) => valence !== 0).length)
    * Math.min(1, latinShare(tokens) / LATIN_SHARE_FOR_FULL_CONFIDENCE);
  if (tokens.length === 0) confidence = 0;
  else if (!tokens.some((token) => token.kind === 'word' || token.kind === 'hashtag')) confidence = Math.min(confidence, SYMBOLS_ONLY_CONFIDENCE);
  if (truncated) confidence = Math.min(confidence, TRUNCATED_CONFIDENCE);
  // Lone surrogates (invalid UTF-8 once encoded) mean the text was damaged on its way here.
  if (wellFormedText.length !== analyzed.length) confidence = Math.min(confidence, DAMAGED_CONFIDENCE);
  if (otherLanguage) confidence *= OTHER_LANGUAGE_FACTOR;
  return {
    label,
    score: round(compound, 4),
    confidence: round(confidence, 3),
    reasons: topReasons(terms, valences),
    proportions: { pos: round(pos, 3), neu: round(neu, 3), neg: round(neg, 3) },
  };
}

/** Strong, one-sided, well-evidenced scores earn trust; a neutral with nothing rated is a fair call. */
function labelConfidence(label: SentimentLabel, compound: number, pos: number, neg: number, rated: number): number {
  if (label === 'neutral') return rated === 0 ? NEUTRAL_UNRATED_CONFIDENCE : NEUTRAL_MIXED_CONFIDENCE;
  const strength = Math.min(1, Math.abs(compound) / CLEAR_COMPOUND);
  const evidence = Math.min(1, rated / 2);
  const agreement = 1 - Math.min(pos, neg) / Math.max(pos, neg);
  return 0.3 + 0.7 * strength * (0.6 + 0.4 * evidence) * (0.5 + 0.5 * agreement);
}

/**
 * Share of the letters written in Latin script: the lexicons read English, so text
 * mostly in other scripts is read only through its emoji and stray English words.
 * Emoji and emoticons read the same in any language, so a post of only those counts fully.
 */
export function latinShare(tokens: readonly Token[]): number {
  let letters = 0;
  let latin = 0;
  for (const token of tokens) {
    if (token.kind !== 'word' && token.kind !== 'hashtag') continue;
    letters += token.text.match(LETTER)?.length ?? 0;
    latin += token.text.match(LATIN_LETTER)?.length ?? 0;
  }
  return letters === 0 ? 1 : latin / letters;
}

function topReasons(terms: readonly (string | null)[], valences: readonly number[]): SentimentReason[] {
  const weights = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    if (term && valences[i] !== 0) weights.set(term, (weights.get(term) ?? 0) + valences[i]!);
  }
  return [...weights].map(([term, weight]) => ({ term, weight: round(weight, 3) }))
    .filter((reason) => reason.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, MAX_REASONS);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
