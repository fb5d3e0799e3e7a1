// Finds listed phrases in a reply's words, whole words only, without case or accents:
// "Bluebird" is found in "the BLUEBIRD launch" but not in "bluebirds", and "ass" is
// not found in "assessment" (the Scunthorpe problem). A phrase ending in `*` matches
// any last word starting so. Phrases are indexed by their first word, so a reply is
// read once however many phrases there are.
import { phraseWords, type Word } from './text-folding.ts';

export interface PhraseMatch<T> {
  /** What was listed with the phrase. */
  value: T;
  /** The span in the original text, from the first word's start to the last word's end. */
  start: number;
  end: number;
}

/** A listed phrase's folded words, and whether it ends in `*` (its last word is then a prefix). */
export function readPhrase(phrase: string): { words: string[]; open: boolean } {
  const trimmed = phrase.trim();
  const open = trimmed.endsWith('*');
  return { words: phraseWords(open ? trimmed.slice(0, -1) : trimmed), open };
}

interface Phrase<T> {
  words: string[];
  /** The last word is a prefix. */
  open: boolean;
  value: T;
}

export class PhraseMatcher<T> {
  /** Phrases by their first word, except one-word prefixes. */
  private readonly byFirstWord = new Map<string, Phrase<T>[]>();
  /** One-word prefixes ("guarantee*") by the prefix, and the lengths those prefixes have. */
  private readonly byPrefix = new Map<string, Phrase<T>[]>();
  private readonly prefixLengths: number[];

  constructor(entries: readonly { phrase: string; value: T }[]) {
    for (const { phrase, value } of entries) {
      const { words, open } = readPhrase(phrase);
      if (words.length === 0) continue;
      const index = open && words.length === 1 ? this.byPrefix : this.byFirstWord;
      index.set(words[0]!, [...(index.get(words[0]!) ?? []), { words, open, value }]);
    }
    this.prefixLengths = [...new Set([...this.byPrefix.keys()].map((prefix) => prefix.length))];
  }

  /** The phrases found, left to right; where several start at one word, the longest; matches never overlap. */
  findIn(words: readonly Word[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let at = 0; at < words.length;) {
      const phrase = this.longestAt(words, at);
      if (!phrase) {
        at++;
        continue;
      }
      const last = words[at + phrase.words.length - 1]!;
      found.push({ value: phrase.value, start: words[at]!.start, end: last.end });
      at += phrase.words.length;
    }
    return found;
  }

  /** Whether any phrase is in the words. */
  isIn(words: readonly Word[]): boolean {
    return words.some((_, at) => this.longestAt(words, at) !== undefined);
  }

  private longestAt(words: readonly Word[], at: number): Phrase<T> | undefined {
    const first = words[at]!.text;
    let longest = longestOf(this.byFirstWord.get(first), words, at, undefined);
    for (const length of this.prefixLengths) {
      if (length <= first.length) longest = longestOf(this.byPrefix.get(first.slice(0, length)), words, at, longest);
    }
    return longest;
  }
}

/** The longest of `longest` and the phrases that match at `at`. */
function longestOf<T>(phrases: readonly Phrase<T>[] | undefined, words: readonly Word[], at: number, longest: Phrase<T> | undefined): Phrase<T> | undefined {
  for (const phrase of phrases ?? []) {
    if (phrase.words.length > (longest?.words.length ?? 0) && matchesAt(phrase, words, at)) longest = phrase;
  }
  return longest;
}

function matchesAt<T>(phrase: Phrase<T>, words: readonly Word[], at: number): boolean {
  if (at + phrase.words.length > words.length) return false;
  const lastIndex = phrase.words.length - 1;
  return phrase.words.every((word, offset) => {
    const actual = words[at + offset]!.text;
    return phrase.open && offset === lastIndex ? actual.startsWith(word) : actual === word;
  });
}
