// The lexicons as the scorer reads them: VADER's, with Herd's social and complaint
// additions layered on top, built once into Maps when the module loads so that scoring
// a post costs one lookup per token.
import type { Token } from './tokenize.ts';
import { BOOSTERS, NEGATIONS, VADER_LEXICON } from './vader-lexicon.ts';
import {
  COMMON_WORDS, COMPLAINT_PHRASES, COMPLAINT_WORDS, EMOJI, EMOTICONS, HASHTAGS, IDIOMS, NEGATED_EXPECTATIONS, SARCASM_PHRASES, SLANG,
} from './social-lexicon.ts';

/** Where a term's valence came from: reasons show it, and sarcasm looks for complaints. */
export type Origin = 'vader' | 'slang' | 'complaint' | 'emoji' | 'emoticon' | 'hashtag' | 'idiom' | 'sarcasm';

export interface TermValence {
  valence: number;
  origin: Origin;
}

export interface Phrase extends TermValence {
  words: string[];
  term: string;
}

function entries(table: Record<string, number>, origin: Origin): [string, TermValence][] {
  return Object.entries(table).map(([term, valence]) => [term, { valence, origin }]);
}

const WORDS = new Map<string, TermValence>([
  ...[...VADER_LEXICON.terms].map(([term, valence]): [string, TermValence] => [term, { valence, origin: 'vader' }]),
  ...entries(SLANG, 'slang'),
  ...entries(COMPLAINT_WORDS, 'complaint'),
]);
const EMOJI_VALENCE = new Map(entries(EMOJI, 'emoji'));
const EMOTICON_VALENCE = new Map(entries(EMOTICONS, 'emoticon'));
const HASHTAG_VALENCE = new Map(entries(HASHTAGS, 'hashtag'));
const EXPECTATIONS = new Map(entries(NEGATED_EXPECTATIONS, 'complaint'));

/** Phrases by their first word, longest first, so the longest match wins; later tables win a tie. */
const PHRASES_BY_FIRST_WORD = new Map<string, Phrase[]>();
const PHRASE_TABLES: [Iterable<[string, number]>, Origin][] = [
  [VADER_LEXICON.phrases, 'vader'], [Object.entries(IDIOMS), 'idiom'],
  [Object.entries(COMPLAINT_PHRASES), 'complaint'], [Object.entries(SARCASM_PHRASES), 'sarcasm'],
];
for (const [table, origin] of PHRASE_TABLES) {
  for (const [term, valence] of table) {
    const words = term.split(' ');
    const list = (PHRASES_BY_FIRST_WORD.get(words[0]!) ?? []).filter((phrase) => phrase.term !== term);
    list.push({ words, term, valence, origin });
    list.sort((a, b) => b.words.length - a.words.length);
    PHRASES_BY_FIRST_WORD.set(words[0]!, list);
  }
}

/** Words worth recognising: to cut hashtags into words, and to tell whether a post reads as English. */
const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...[...WORDS.keys()].filter((word) => /^[a-z']+$/u.test(word)),
  ...COMMON_WORDS, ...NEGATIONS, ...BOOSTERS.keys(), ...EXPECTATIONS.keys(),
]);

export function isKnownWord(word: string): boolean {
  return KNOWN_WORDS.has(word);
}

/** Whether a whole hashtag has its own rating ("#epicfail"), so is not cut into words. */
export function isRatedHashtag(tag: string): boolean {
  return HASHTAG_VALENCE.has(tag);
}

/** Whether a token, as written, is one of the emoticons the lexicons rate. */
export function isEmoticon(text: string): boolean {
  return EMOTICON_VALENCE.has(text) || (/[^\p{L}\p{N}']/u.test(text) && VADER_LEXICON.terms.has(text.toLowerCase()));
}

/** The valence a token has on its own, before any rule; undefined when no lexicon rates it. */
export function termValence(token: Token): TermValence | undefined {
  switch (token.kind) {
    case 'emoji': return EMOJI_VALENCE.get(token.text);
    case 'emoticon': return EMOTICON_VALENCE.get(token.raw) ?? WORDS.get(token.text);
    case 'hashtag': return HASHTAG_VALENCE.get(token.text) ?? WORDS.get(token.text);
    case 'marker': return undefined;
    default: return WORDS.get(token.text);
  }
}

/** The valence a word takes when it is denied ("never arrived"), if it is one of those. */
export function negatedExpectation(word: string): TermValence | undefined {
  return EXPECTATIONS.get(word);
}

/** The longest phrase that starts at token i, if any, within one sentence. */
export function phraseAt(tokens: readonly Token[], i: number): Phrase | undefined {
  const candidates = PHRASES_BY_FIRST_WORD.get(tokens[i]!.text);
  if (!candidates) return undefined;
  return candidates.find((phrase) => phrase.words.every((word, offset) => {
    const token = tokens[i + offset];
    return token !== undefined && token.text === word && (token.kind === 'word' || token.kind === 'hashtag')
      && (offset === phrase.words.length - 1 || !token.sentenceEnd);
  }));
}
