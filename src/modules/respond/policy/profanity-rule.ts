// Profanity and insults, as whole words ("Scunthorpe" and "assessment" are fine) and
// in their common disguises: letters swapped for look-alike digits or symbols (sh1t,
// a$$hole, sh!t) and letters starred out (f*ck, f**king). Not caught: letters spaced
// out (f u c k), repeated (fuuuck), or words run together with others. Mentions are
// other people's names, not our words, so they are not findings.
import type { ProfanityRule } from './policy-rule.ts';
import { findingAt, type RuleCheck, type Span } from './policy-finding.ts';
import { originalSpan, type FoldedText } from './text-folding.ts';
import { readPhrase } from './phrase-matcher.ts';
import { builtInProfanity } from './profanity-words.ts';
import { findMentions } from './find-mentions.ts';

/** Tokens of letters, digits and the symbols that stand in for letters, in the folded text. */
const DISGUISED_TOKEN = /(?<![\p{L}\p{N}*@$!])[\p{L}\p{N}*@$!]+/gu;
const SYMBOL = /[*@$!]/;
const EMPHASIS = /^[*!]+|[*!]+$/g;
const LOOK_ALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };
const LOOK_ALIKE = /[013457@$!]/g;
/** A starred-out token needs this many real letters to be read as a word. */
const MIN_LETTERS_WITH_STARS = 2;

const undisguised = (token: string) => token.replace(LOOK_ALIKE, (character) => LOOK_ALIKES[character]!);
const hasLetter = (token: string) => /\p{L}/u.test(token);

export function compileProfanityRule(rule: ProfanityRule): RuleCheck {
  const listed = new WordList([...builtInProfanity, ...(rule.extraWords ?? [])]);
  const allowed = new WordList(rule.allowWords ?? []);
  const isProfane = (word: string) => listed.has(word) && !allowed.has(word);
  return (reply) => {
    const mentions = reply.shared('mentions', findMentions);
    const inMention = (word: Span) => mentions.some((mention) => word.start >= mention.start && word.end <= mention.end);
    const spans: Span[] = reply.words.filter((word) => isProfane(/\d/.test(word.text) && hasLetter(word.text) ? undisguised(word.text) : word.text) && !inMention(word));
    // Most replies have none of the symbols, and then no disguised words either.
    if (SYMBOL.test(reply.folded.text)) {
      const plain = [...spans];
      for (const span of disguisedWords(reply.folded)) {
        if (isProfane(undisguised(reply.folded.text.slice(span.foldedStart, span.foldedEnd))) && !plain.some((word) => word.start < span.end && span.start < word.end)) spans.push(span);
      }
    }
    return spans.sort((a, b) => a.start - b.start).map((span) => findingAt(rule, reply, span, {
      message: `"${reply.text.slice(span.start, span.end)}" is profanity or an insult.`,
      fix: 'Use other words: a reply speaks for the company.',
    }));
  };
}

/** Tokens that still hold a symbol once emphasis (*word*, word!!) is trimmed; not mentions. */
function disguisedWords(folded: FoldedText): (Span & { foldedStart: number; foldedEnd: number })[] {
  const found = [];
  for (const token of folded.text.matchAll(DISGUISED_TOKEN)) {
    const trimmed = token[0].replace(EMPHASIS, '');
    if (!SYMBOL.test(trimmed) || trimmed.startsWith('@') || !hasLetter(trimmed)) continue;
    const foldedStart = token.index + token[0].indexOf(trimmed);
    const foldedEnd = foldedStart + trimmed.length;
    found.push({ ...originalSpan(folded, foldedStart, foldedEnd), foldedStart, foldedEnd });
  }
  return found;
}

/** Single words, each whole or (ending in `*`) a prefix; `*` in a word being looked up stands for any one letter. */
class WordList {
  private readonly whole = new Set<string>();
  private readonly prefixes = new Set<string>();
  private readonly prefixLengths: number[];

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const { words: [word], open } = readPhrase(entry);
      if (word) (open ? this.prefixes : this.whole).add(word);
    }
    this.prefixLengths = [...new Set([...this.prefixes].map((prefix) => prefix.length))];
  }

  has(word: string): boolean {
    if (word.includes('*')) return this.hasStarred(word);
    return this.whole.has(word) || this.prefixLengths.some((length) => length <= word.length && this.prefixes.has(word.slice(0, length)));
  }

  /** Starred words are rare, so comparing them with every entry is cheap. */
  private hasStarred(word: string): boolean {
    if ((word.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS_WITH_STARS) return false;
    const fits = (entry: string) => {
      for (let index = 0; index < entry.length; index++) if (word[index] !== '*' && word[index] !== entry[index]) return false;
      return true;
    };
    return [...this.whole].some((entry) => entry.length === word.length && fits(entry))
      || [...this.prefixes].some((prefix) => prefix.length <= word.length && fits(prefix));
  }
}
