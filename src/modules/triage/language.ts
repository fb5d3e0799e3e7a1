// Language of a mention, as an ISO 639-1 code, from its text; short or unclear posts
// fall back to what we know about the author and the source.
//
// Library: eld (Nito-ELD, Apache-2.0), 'medium' database, chosen over tinyld and
// franc-min on a table of short customer posts in en, de, fr, es, it, nl, pt, pl, sv
// (the samples in language.test.ts, plus two-word posts):
//   eld/medium   72/72 sentences, 68/72 two-word posts,  ~25 µs a post
//   tinyld       70/72 sentences,                        ~165 µs a post
//   franc-min    52/72 sentences (62/72 limited to the nine), ~50–120 µs a post
// eld/small and eld/large gave the same sentence score; small missed two more
// two-word posts and large costs twice the memory (about 160 MB of heap against 70 MB)
// for no gain here. eld answers in ISO 639-1 already and knows 60 languages.
import { eld } from 'eld/medium';

export interface LanguageOptions {
  /** Languages to fall back on, most specific first: the author's, then the source's. */
  fallback?: string[];
}

export interface LanguageResult {
  /** ISO 639-1 code, or null when neither the text nor the fallback tell. */
  language: string | null;
  /** 0..1: how far to trust `language`. */
  confidence: number;
  /** True only when the text alone decided, clearly. */
  reliable: boolean;
  source: 'text' | 'fallback' | 'none';
}

/** Fewer letters than this and the text alone never counts as reliable. */
export const MIN_RELIABLE_LETTERS = 12;
/** Letters at which text length no longer limits confidence. */
const FULL_CONFIDENCE_LETTERS = 30;
/** A reliable detection needs at least this confidence. */
const RELIABLE_CONFIDENCE = 0.45;
/** Detection looks at the start of long posts only: a few sentences settle it. */
const MAX_DETECTED_CHARS = 2_000;
/** A fallback language the text finds nearly as likely as its best guess is taken as confirmed. */
const FALLBACK_AGREEMENT_RATIO = 0.9;
const FALLBACK_CONFIRMED_CONFIDENCE = 0.6;
const FALLBACK_UNCONFIRMED_CONFIDENCE = 0.3;

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.-]+/gu;
const HASH_SIGN = /#(?=[\p{L}\p{N}_])/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0F|\u20E3/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const LETTER = /\p{L}/gu;
// eslint-disable-next-line no-control-regex -- all of ASCII on purpose
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
/** Characters from U+2000 on: where emoji, symbols and surrogates live. */
const BEYOND_BASIC_SCRIPTS = /[\u2000-\uFFFF]/; // no u flag: astral emoji match by their surrogates
// Chinese, Japanese and Korean mix Han with their own scripts, so they count as one.
const SCRIPTS = [/\p{Script=Latin}/gu, /\p{Script=Cyrillic}/gu, /\p{Script=Greek}/gu, /\p{Script=Arabic}/gu,
  /\p{Script=Hebrew}/gu, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu,
  /\p{Script=Devanagari}/gu, /\p{Script=Thai}/gu];

/** The words of a post without links, @handles, hashtag signs, emoji or broken UTF-16. */
export function textForLanguageDetection(text: string): string {
  let cleaned = text.slice(0, MAX_DETECTED_CHARS);
  // Each pass only when its trigger is present: most posts have no link, handle or emoji.
  if (BEYOND_BASIC_SCRIPTS.test(cleaned)) cleaned = cleaned.replace(LONE_SURROGATE, '').replace(EMOJI, ' ');
  if (cleaned.includes('http') || cleaned.includes('www.')) cleaned = cleaned.replace(URL, ' ');
  if (cleaned.includes('@')) cleaned = cleaned.replace(HANDLE, '$1 ');
  if (cleaned.includes('#')) cleaned = cleaned.replace(HASH_SIGN, '');
  return cleaned.replace(/\s+/gu, ' ').trim();
}

/** How many letters (\p{L}) the text has: counted directly in ASCII text, the common case. */
function countLetters(text: string): number {
  if (!ASCII_ONLY.test(text)) return text.match(LETTER)?.length ?? 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const lower = text.charCodeAt(i) | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) count++;
  }
  return count;
}

/** 'en-US', 'EN', 'pt_BR' → 'en', 'en', 'pt'; anything else → null. */
export function toIso6391(code: string): string | null {
  const match = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/iu.exec(code.trim());
  return match ? match[1]!.toLowerCase() : null;
}

export function detectLanguage(text: string, options: LanguageOptions = {}): LanguageResult {
  const fallback = (options.fallback ?? []).map((code) => (typeof code === 'string' ? toIso6391(code) : null))
    .filter((code): code is string => code !== null);
  const cleaned = typeof text === 'string' ? textForLanguageDetection(text) : '';
  const letters = countLetters(cleaned);
  const scores = letters > 0 ? detectedScores(cleaned) : null;
  const [best, second] = scores ? topTwo(scores) : [];

  if (best) {
    const confidence = round(textConfidence(best[1], second?.[1] ?? 0, letters) * dominantScriptShare(cleaned, letters));
    if (letters >= MIN_RELIABLE_LETTERS && confidence >= RELIABLE_CONFIDENCE) {
      return { language: best[0], confidence, reliable: true, source: 'text' };
    }
    if (fallback.length === 0) return { language: best[0], confidence: Math.min(confidence, 0.4), reliable: false, source: 'text' };
  }
  if (fallback.length > 0) {
    const bestScore = best?.[1] ?? 0;
    const confirmed = fallback.find((code) => scores !== null && Object.hasOwn(scores, code) && scores[code]! >= bestScore * FALLBACK_AGREEMENT_RATIO);
    if (confirmed) return { language: confirmed, confidence: FALLBACK_CONFIRMED_CONFIDENCE, reliable: false, source: 'fallback' };
    return { language: fallback[0]!, confidence: FALLBACK_UNCONFIRMED_CONFIDENCE, reliable: false, source: 'fallback' };
  }
  return { language: null, confidence: 0, reliable: false, source: 'none' };
}

/** eld's scores by language, best first; null when it recognises nothing. */
function detectedScores(text: string): Record<string, number> | null {
  const result = eld.detect(text);
  return result.language ? result.getScores() : null;
}

/**
 * The best two of eld's scores (the earlier of equal scores first, as a stable sort
 * would put them), in one pass instead of listing and sorting all sixty languages.
 */
function topTwo(scores: Record<string, number>): [string, number][] {
  let best: [string, number] | undefined;
  let second: [string, number] | undefined;
  for (const language in scores) {
    const score = scores[language]!;
    if (best === undefined || score > best[1]) {
      second = best;
      best = [language, score];
    } else if (second === undefined || score > second[1]) {
      second = [language, score];
    }
  }
  return best === undefined ? [] : second === undefined ? [best] : [best, second];
}

/**
 * Longer text and a clear lead over the runner-up both earn trust. eld's scores sit in
 * a narrow band (about 0.5–0.87), so the lead is measured relative to the best score.
 */
function textConfidence(best: number, second: number, letters: number): number {
  const lead = best > 0 ? (best - second) / best : 0;
  const length = Math.min(1, letters / FULL_CONFIDENCE_LETTERS);
  return length * (0.6 + 0.4 * Math.min(1, lead * 5));
}

/** The share of letters in the text's main script: 1 for one script, lower for mixed scripts. */
export function dominantScriptShare(text: string, letters: number): number {
  if (letters === 0) return 0;
  if (!/[^ -\u024F\s]/u.test(text)) return 1; // Latin only: the common case, without the passes below
  let most = 0;
  for (const script of SCRIPTS) most = Math.max(most, text.match(script)?.length ?? 0);
  return most === 0 ? 1 : Math.min(1, most / letters);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
