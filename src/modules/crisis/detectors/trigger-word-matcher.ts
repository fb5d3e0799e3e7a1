// Finds an organization's trigger words ("recall*", "data breach", "boycott") in a
// mention's text: whole words, without case or accents ("RÉCALL" is "recall", "Straße"
// is "strasse"), a phrase's words in a row, and a trailing `*` for any ending
// ("recall*" finds "recalled", "recalls"). Built once per list and shared by all topics
// that use it, so a mention is read once however many topics it feeds.
//
// respond's policy has a PhraseMatcher with the same word rules; it reports the
// longest non-overlapping phrases with their spans in the text, while a detector needs
// every listed word present (overlaps included: "data breach" and "breach*") and no spans.

interface TriggerPhrase {
  /** The word as configured: the alert's subject and the detector's key. */
  word: string;
  words: string[];
  /** The last word is a prefix. */
  open: boolean;
}

const HAND_FOLDS: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'þ': 'th', 'ı': 'i' };
const HAND_FOLDABLE = new RegExp(`[${Object.keys(HAND_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- plain ASCII needs only lower-casing, the common case
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, no accents, look-alike letters folded: how text and trigger words are compared. */
export function foldForMatching(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(HAND_FOLDABLE, (letter) => HAND_FOLDS[letter]!);
}

export class TriggerWordMatcher {
  /** Phrases by their first word, except one-word prefixes. */
  private readonly byFirstWord = new Map<string, TriggerPhrase[]>();
  /** One-word prefixes ("recall*") by the prefix. */
  private readonly byPrefix = new Map<string, TriggerPhrase[]>();
  private readonly prefixLengths: number[];

  constructor(readonly words: readonly string[]) {
    for (const word of words) {
      const trimmed = word.trim();
      const open = trimmed.endsWith('*');
      const folded = foldForMatching(open ? trimmed.slice(0, -1) : trimmed).match(WORD) ?? [];
      if (folded.length === 0) continue;
      const phrase = { word, words: folded, open };
      const index = open && folded.length === 1 ? this.byPrefix : this.byFirstWord;
      index.set(folded[0]!, [...(index.get(folded[0]!) ?? []), phrase]);
    }
    this.prefixLengths = [...new Set([...this.byPrefix.keys()].map((prefix) => prefix.length))];
  }

  /** The configured trigger words present in `text`, each once, in the order they first appear. */
  find(text: string): string[] {
    const words = foldForMatching(text).match(WORD);
    if (!words) return [];
    let found: string[] | null = null;
    const add = (phrase: TriggerPhrase) => {
      found ??= [];
      if (!found.includes(phrase.word)) found.push(phrase.word);
    };
    for (let at = 0; at < words.length; at++) {
      const word = words[at]!;
      for (const phrase of this.byFirstWord.get(word) ?? []) if (matchesAt(phrase, words, at)) add(phrase);
      for (const length of this.prefixLengths) {
        if (length <= word.length) for (const phrase of this.byPrefix.get(word.slice(0, length)) ?? []) add(phrase);
      }
    }
    return found ?? [];
  }
}

function matchesAt(phrase: TriggerPhrase, words: readonly string[], at: number): boolean {
  if (at + phrase.words.length > words.length) return false;
  const last = phrase.words.length - 1;
  for (let offset = 0; offset <= last; offset++) {
    const actual = words[at + offset]!;
    const expected = phrase.words[offset]!;
    if (phrase.open && offset === last ? !actual.startsWith(expected) : actual !== expected) return false;
  }
  return true;
}
