// Herd's improvements on VADER for social posts, one small function each: elongations,
// hashtags, emoji, post-positive intensifiers, denied expectations and sarcasm markers.
import type { Token } from './tokenize.ts';
import type { Origin } from './lexicon.ts';
import { B_INCR, N_SCALAR, NEGATIONS } from './vader-lexicon.ts';

/** Added to a sentiment word's intensity when it is stretched ("goooood"). */
export const ELONGATION_INCR = 0.293;
/** Added by a post-positive intensifier ("good af"): stronger than "very". */
export const POSTFIX_INCR = 2 * B_INCR;
/** Hashtags longer than this are not cut into words (nor looked at closely). */
const MAX_SEGMENTED_HASHTAG = 40;

const RUNS_OF_THREE = /(\p{L})\1{2,}/gu;

/**
 * "sooo" → "so", "goood" → "good", "loooove" → "love": letters repeated three times or
 * more are cut to two, or to one when only that makes a known word. `elongated` tells
 * the scorer to add emphasis.
 */
export function collapseElongation(word: string, isKnown: (word: string) => boolean): { word: string; elongated: boolean } {
  if (!hasRunOfThree(word)) return { word, elongated: false };
  const double = word.replace(RUNS_OF_THREE, '$1$1');
  if (isKnown(double)) return { word: double, elongated: true };
  const single = word.replace(RUNS_OF_THREE, '$1');
  if (isKnown(single)) return { word: single, elongated: true };
  return { word: double, elongated: true };
}

function hasRunOfThree(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    if (word[i] === word[i - 1] && word[i] === word[i - 2] && word[i] !== '.' && !/\d/u.test(word[i]!)) return true;
  }
  return false;
}

/** Words that, after the word they follow, intensify it ("slow af"). */
const POSTFIX_INTENSIFIERS: ReadonlySet<string> = new Set(['af', 'asf', 'afff']);

export function isPostfixIntensifier(word: string): boolean {
  return POSTFIX_INTENSIFIERS.has(word);
}

/**
 * The words of a hashtag: camelCase is cut at capitals ("#EpicFail"), one lower-case
 * run is cut into the fewest known words ("#worstserviceever"), and a tag that cannot
 * be cut stays whole.
 */
export function splitHashtag(tag: string, isKnown: (word: string) => boolean): string[] {
  if (tag.length > MAX_SEGMENTED_HASHTAG) return [tag.toLowerCase()];
  if (/\p{Ll}\p{Lu}/u.test(tag)) {
    const parts = tag.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu);
    if (parts && parts.join('').length === tag.length) return parts.map((part) => part.toLowerCase());
  }
  return segmentWords(tag.toLowerCase(), isKnown) ?? [tag.toLowerCase()];
}

/** Fewest known words that spell `text` exactly (dynamic programming), or null. */
export function segmentWords(text: string, isKnown: (word: string) => boolean): string[] | null {
  const best: (string[] | null)[] = [[]];
  for (let end = 1; end <= text.length; end++) {
    best[end] = null;
    for (let start = 0; start < end; start++) {
      const prefix = best[start];
      if (!prefix || (best[end] && best[end]!.length <= prefix.length + 1)) continue;
      const word = text.slice(start, end);
      if ((word.length > 1 || word === 'a' || word === 'i') && isKnown(word)) best[end] = [...prefix, word];
    }
  }
  return best[text.length] ?? null;
}

const EMOJI_MODIFIERS = /\uFE0E|\uFE0F|\p{Emoji_Modifier}/gu;

/** An emoji as the lexicon keys it: no variation selector, no skin tone, first part of a ZWJ sequence ("🤦‍♂️" → "🤦"). */
export function emojiKey(emoji: string): string {
  return emoji.split('\u200D')[0]!.replace(EMOJI_MODIFIERS, '');
}

/** More intensity for a stretched sentiment word, in the direction it already has. */
export function elongationEmphasis(valence: number, token: Token): number {
  if (!token.elongated || valence === 0) return valence;
  return valence > 0 ? valence + ELONGATION_INCR : valence - ELONGATION_INCR;
}

/** More intensity when the next token is a post-positive intensifier ("rude af"). */
export function postfixIntensifier(valence: number, tokens: readonly Token[], i: number): number {
  const next = tokens[i + 1];
  if (!next || valence === 0 || !isPostfixIntensifier(next.text) || tokens[i]!.sentenceEnd) return valence;
  return valence > 0 ? valence + POSTFIX_INCR : valence - POSTFIX_INCR;
}

export function isNegation(word: string): boolean {
  return NEGATIONS.has(word) || word.includes("n't");
}

/** Whether one of the three tokens before i denies it ("never arrived", "no reply", "still not fixed"). */
export function deniedWithin(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const token = tokens[j]!;
    if (token.sentenceEnd) return false;
    if (isNegation(token.text) || token.text === 'no') return true;
  }
  return false;
}

/** "/s" or "#sarcasm": the writer says the praise is not meant. Positive valences flip (and damp, as negation does). */
export function sarcasmTag(tokens: readonly Token[], valences: number[]): boolean {
  if (!tokens.some((token) => token.kind === 'marker')) return false;
  flipPositive(valences, 0, valences.length);
  return true;
}

/** Before "not", these make it sincere ("why not", "I hope not"), not a sarcastic retraction. */
const SINCERE_BEFORE_NOT: ReadonlySet<string> = new Set(['or', 'if', 'why', 'hope', 'course', 'certainly',
  'definitely', 'probably', 'maybe', 'perhaps', 'absolutely', 'obviously', 'surely', 'whether', 'of']);

/**
 * "Great job... NOT": a "not" that ends its sentence, after praise, takes the praise
 * back; a "NOT" standing as a sentence of its own takes back the sentence before. The
 * positive valences of that sentence flip.
 */
export function trailingNot(tokens: readonly Token[], valences: number[]): boolean {
  let found = false;
  let sentenceStart = 0;
  let previousSentenceStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const endsSentence = token.sentenceEnd || !next || next.kind === 'emoji' || next.kind === 'emoticon' || next.kind === 'marker';
    if (token.text === 'not' && endsSentence) {
      const from = i > sentenceStart ? sentenceStart : previousSentenceStart;
      const sincere = i > sentenceStart && SINCERE_BEFORE_NOT.has(tokens[i - 1]!.text);
      if (!sincere && valences.slice(from, i).some((valence) => valence > 0)) {
        flipPositive(valences, from, i);
        found = true;
      }
    }
    if (token.sentenceEnd) {
      previousSentenceStart = sentenceStart;
      sentenceStart = i + 1;
    }
  }
  return found;
}

/** Praise words that customers use sarcastically about a failure ("Great, delayed again"). */
const SARCASM_PRONE: ReadonlySet<string> = new Set(['great', 'love', 'loving', 'loved', 'thanks', 'thank', 'thx',
  'ty', 'awesome', 'fantastic', 'wonderful', 'perfect', 'brilliant', 'amazing', 'nice', 'lovely', 'superb',
  'excellent', 'fun', 'yay', 'cool', 'enjoy', 'enjoying', 'appreciate', 'genius', 'impressive', 'wow']);
/** Words that say a problem was dealt with: then the thanks are sincere. */
const RESOLUTION_WORDS: ReadonlySet<string> = new Set(['fixed', 'resolved', 'solved', 'sorted', 'finally',
  'refunded', 'helped', 'quick', 'quickly', 'fast', 'apologised', 'apologized', 'replaced', 'rebooked',
  'compensated', 'responsive', 'despite', 'anyway']);
const CONTRASTS: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet']);
/** Only a clear complaint turns praise into sarcasm, not a mention of a refund. */
const SARCASM_COMPLAINT_THRESHOLD = -1.0;

/**
 * Praise next to a complaint with no contrast word between them and nothing resolved:
 * "Love waiting 40 minutes on hold", "delayed again, thanks a lot". The praise flips.
 */
export function sarcasticPraise(tokens: readonly Token[], valences: number[], origins: readonly (Origin | null)[]): boolean {
  if (tokens.some((token) => RESOLUTION_WORDS.has(token.text))) return false;
  const complaints: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (origins[i] === 'complaint' && valences[i]! <= SARCASM_COMPLAINT_THRESHOLD) complaints.push(i);
  }
  if (complaints.length === 0) return false;
  let found = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!SARCASM_PRONE.has(tokens[i]!.text) || valences[i]! <= 0) continue;
    const sincere = complaints.every((complaint) => contrastBetween(tokens, i, complaint));
    if (sincere) continue;
    valences[i] = valences[i]! * N_SCALAR;
    found = true;
  }
  return found;
}

function contrastBetween(tokens: readonly Token[], a: number, b: number): boolean {
  for (let j = Math.min(a, b) + 1; j < Math.max(a, b); j++) if (CONTRASTS.has(tokens[j]!.text)) return true;
  return false;
}

function flipPositive(valences: number[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (valences[i]! > 0) valences[i] = valences[i]! * N_SCALAR;
}
