// VADER (Hutto & Gilbert, ICWSM 2014) over Herd's tokens: each sentiment-bearing token
// gets a valence from the lexicons, adjusted by the rules of the paper: degree adverbs
// within three tokens (damped with distance), negation within three tokens, "no",
// "least", "kind of", ALL CAPS among lower case, idioms, "but" contrast, and
// exclamation and question marks; the sum is normalised to a compound in -1..1 and the
// valences give pos / neu / neg proportions. Herd's additions hook in through
// social-rules.ts. Where this departs from vaderSentiment 3.3.2 the comment says so.
import { negatedExpectation, phraseAt, termValence, type Origin, type TermValence } from './lexicon.ts';
import { deniedWithin, elongationEmphasis, isNegation, postfixIntensifier } from './social-rules.ts';
import type { Token } from './tokenize.ts';
import { BOOSTERS, C_INCR, N_SCALAR, NORMALIZE_ALPHA } from './vader-lexicon.ts';

/** Scalars for a degree adverb one, two and three tokens before the sentiment word. */
const DISTANCE_DAMPING = [1, 0.95, 0.9];
/** "but": what comes before counts half, what comes after half as much again. */
const BEFORE_BUT = 0.5;
const AFTER_BUT = 1.5;
/** "never so good", "never this bad": emphasis, not negation. */
const NEVER_SO_SCALAR = 1.25;
const EXCLAMATION_INCR = 0.292;
const MAX_EXCLAMATIONS = 4;
const QUESTION_INCR = 0.18;
const MAX_QUESTION_EMPHASIS = 0.96;

export interface ScoredTokens {
  /** One valence per token; 0 for tokens without sentiment. */
  valences: number[];
  /** Which lexicon each valence came from (null for none). */
  origins: (Origin | null)[];
  /** The term each valence belongs to: a phrase, or the token as written. */
  terms: (string | null)[];
}

export interface VaderScores {
  compound: number;
  pos: number;
  neu: number;
  neg: number;
}

/** VADER compares case this way: emphasis counts only if some, not all, tokens are ALL CAPS. */
export function allCapsDifferential(tokens: readonly Token[]): boolean {
  let upper = 0;
  for (const token of tokens) if (token.isUpper) upper++;
  return upper > 0 && upper < tokens.length;
}

export function scoreTokens(tokens: readonly Token[]): ScoredTokens {
  const capsDifferential = allCapsDifferential(tokens);
  const rated = tokens.map(termValence);
  const context: Context = { tokens, rated, capsDifferential };
  const valences: number[] = new Array<number>(tokens.length).fill(0);
  const origins: (Origin | null)[] = new Array<Origin | null>(tokens.length).fill(null);
  const terms: (string | null)[] = new Array<string | null>(tokens.length).fill(null);
  let insidePhraseUntil = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i < insidePhraseUntil) continue;
    const token = tokens[i]!;
    if (BOOSTERS.has(token.text) || (token.text === 'kind' && tokens[i + 1]?.text === 'of')) continue;
    const phrase = phraseAt(tokens, i);
    if (phrase) insidePhraseUntil = i + phrase.words.length;
    const denied = negatedExpectation(token.text);
    if (!phrase && denied && deniedWithin(tokens, i)) {
      valences[i] = denied.valence;
      origins[i] = denied.origin;
      terms[i] = token.raw;
      continue;
    }
    const base = phrase ?? rated[i];
    if (!base || base.valence === 0) continue;
    let valence = sentimentValence(context, i, base.valence);
    valence = postfixIntensifier(valence, tokens, i);
    valences[i] = valence;
    origins[i] = base.origin;
    terms[i] = phrase ? phrase.term : token.raw;
  }
  return { valences, origins, terms };
}

interface Context {
  tokens: readonly Token[];
  /** Each token's lexicon valence, looked up once. */
  rated: readonly (TermValence | undefined)[];
  capsDifferential: boolean;
}

/** VADER's sentiment_valence for the token at i, whose lexicon valence is `base`. */
function sentimentValence({ tokens, rated, capsDifferential }: Context, i: number, base: number): number {
  const token = tokens[i]!;
  let valence = base;
  // "no" before a rated word negates it rather than counting on its own (Herd: also
  // before a word that only a denial rates, so "no reply" is not counted twice).
  const next = tokens[i + 1];
  if (token.text === 'no' && next && (rated[i + 1] || negatedExpectation(next.text))) valence = 0;
  if (tokens[i - 1]?.text === 'no' || tokens[i - 2]?.text === 'no'
    || (tokens[i - 3]?.text === 'no' && (tokens[i - 1]!.text === 'or' || tokens[i - 1]!.text === 'nor'))) {
    valence = base * N_SCALAR;
  }
  if (token.isUpper && capsDifferential) valence += valence > 0 ? C_INCR : -C_INCR;
  valence = elongationEmphasis(valence, token);
  for (let distance = 0; distance < 3; distance++) {
    const j = i - (distance + 1);
    // Herd: boosters and negations act within their sentence ("not there. Useless!" is not "not useless").
    if (j < 0 || tokens[j]!.sentenceEnd) break;
    if (rated[j]) continue;
    valence += scalarIncDec(tokens, j, valence, capsDifferential) * DISTANCE_DAMPING[distance]!;
    valence = negationCheck(valence, tokens, distance, i);
  }
  return leastCheck(valence, tokens, rated, i);
}

/** The push a degree adverb at j gives a word of the given valence (two-word ones such as "kind of" end at j). */
export function scalarIncDec(tokens: readonly Token[], j: number, valence: number, capsDifferential: boolean): number {
  const token = tokens[j]!;
  let scalar = BOOSTERS.get(token.text) ?? (j > 0 ? BOOSTERS.get(`${tokens[j - 1]!.text} ${token.text}`) : undefined) ?? 0;
  if (scalar === 0) return 0;
  if (valence < 0) scalar = -scalar;
  if (token.isUpper && capsDifferential) scalar += valence > 0 ? C_INCR : -C_INCR;
  // Herd: a stretched booster ("sooo") pushes harder, as a stretched sentiment word does.
  return elongationEmphasis(scalar, token);
}

/**
 * VADER's _negation_check at distance 0, 1 or 2. Departure: VADER's third case also
 * multiplies by 1.25 whenever the previous word is "so" or "this" (an operator
 * precedence slip); here only "never so/this" does, as the paper describes.
 */
function negationCheck(valence: number, tokens: readonly Token[], distance: number, i: number): number {
  const word = (offset: number) => tokens[i - offset]?.text ?? '';
  const soOrThis = (text: string) => text === 'so' || text === 'this';
  if (distance === 0) return isNegation(word(1)) ? valence * N_SCALAR : valence;
  if (distance === 1) {
    if (word(2) === 'never' && soOrThis(word(1))) return valence * NEVER_SO_SCALAR;
    if (word(2) === 'without' && word(1) === 'doubt') return valence;
    return isNegation(word(2)) ? valence * N_SCALAR : valence;
  }
  if (word(3) === 'never' && (soOrThis(word(2)) || soOrThis(word(1)))) return valence * NEVER_SO_SCALAR;
  if (word(3) === 'without' && (word(2) === 'doubt' || word(1) === 'doubt')) return valence;
  return isNegation(word(3)) ? valence * N_SCALAR : valence;
}

/** "least" negates ("the least helpful"), except "at least" and "very least". */
function leastCheck(valence: number, tokens: readonly Token[], rated: Context['rated'], i: number): number {
  const previous = tokens[i - 1];
  if (!previous || previous.text !== 'least' || rated[i - 1]) return valence;
  const before = tokens[i - 2]?.text;
  return before === 'at' || before === 'very' ? valence : valence * N_SCALAR;
}

/** The first "but" shifts weight to what follows it. */
export function butCheck(tokens: readonly Token[], valences: number[]): void {
  const but = tokens.findIndex((token) => token.text === 'but');
  if (but < 0) return;
  for (let i = 0; i < valences.length; i++) {
    if (i < but) valences[i] = valences[i]! * BEFORE_BUT;
    else if (i > but) valences[i] = valences[i]! * AFTER_BUT;
  }
}

/** Emphasis from "!" (up to four) and from two or more "?". */
export function punctuationEmphasis(exclamations: number, questions: number): number {
  const fromExclamations = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_INCR;
  const fromQuestions = questions <= 1 ? 0 : questions <= 3 ? questions * QUESTION_INCR : MAX_QUESTION_EMPHASIS;
  return fromExclamations + fromQuestions;
}

/** A sum of valences squeezed into -1..1. */
export function normalize(sum: number, alpha = NORMALIZE_ALPHA): number {
  const score = sum / Math.sqrt(sum * sum + alpha);
  return Math.max(-1, Math.min(1, score));
}

/** VADER's score_valence: the compound and the pos / neu / neg proportions. */
export function vaderScores(valences: readonly number[], emphasis: number): VaderScores {
  if (valences.length === 0) return { compound: 0, pos: 0, neu: 0, neg: 0 };
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let neutral = 0;
  for (const valence of valences) {
    sum += valence;
    if (valence > 0) positive += valence + 1;
    else if (valence < 0) negative += valence - 1;
    else neutral++;
  }
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  if (positive > -negative) positive += emphasis;
  else if (positive < -negative) negative -= emphasis;
  const total = positive - negative + neutral;
  return { compound: normalize(sum), pos: positive / total, neu: neutral / total, neg: -negative / total };
}
