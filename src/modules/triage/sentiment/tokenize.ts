// One pass from a post to the tokens the scorer reads. Like VADER it splits on white
// space and keeps emoticons whole; unlike VADER it drops links and @handles, cuts
// hashtags into words, separates emoji glued to words, collapses elongations and
// strips punctuation from short words too (VADER keeps "no," unmatched).
import { isEmoticon, isKnownWord, isRatedHashtag } from './lexicon.ts';
import { collapseElongation, emojiKey, splitHashtag } from './social-rules.ts';

export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'hashtag' | 'marker';

export interface Token {
  /** What the lexicons are asked about: lower case, elongation collapsed, emoji without modifiers. */
  text: string;
  /** As written (for reasons). */
  raw: string;
  kind: TokenKind;
  /** ALL CAPS as Python's str.isupper: some cased letter, none lower-case. */
  isUpper: boolean;
  /** Written with a letter stretched ("sooo"). */
  elongated: boolean;
  /** Followed by ".", "!" or "?". */
  sentenceEnd: boolean;
}

export interface TokenizedText {
  tokens: Token[];
  /** Exclamation and question marks outside links, for VADER's punctuation emphasis. */
  exclamations: number;
  questions: number;
}

const EMOJI_SEQUENCE = /\p{Extended_Pictographic}(?:\uFE0E|\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;
const WHOLE_EMOJI = /^\p{Extended_Pictographic}/u;
const LINK = /^(?:https?:\/\/|www\.)/iu;
const HANDLE = /^@[\p{L}\p{N}_.]+/u;
const HASHTAG = /^#([\p{L}\p{N}_]+)/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const TRAILING_SENTENCE_PUNCTUATION = /[.,!?;]+$/u;
const ENDS_SENTENCE = /[.!?…]["')\]]*$/u;
/** Plain words and numbers, which need none of the checks for symbols. */
const ALPHANUMERIC = /^[a-z0-9]+$/iu;
const BEYOND_BASIC_SCRIPTS = /[\u2000-\uFFFF]/; // no u flag: astral emoji match by their surrogates
const H = 'h'.charCodeAt(0);
const W = 'w'.charCodeAt(0);
const AT = '@'.charCodeAt(0);
const HASH = '#'.charCodeAt(0);
const SARCASM_MARKERS: ReadonlySet<string> = new Set(['/s', '#sarcasm', '#sarcastic', '#not']);

export function isAllCaps(text: string): boolean {
  return text !== text.toLowerCase() && text === text.toUpperCase();
}

function isLowerAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

export function tokenize(text: string): TokenizedText {
  const tokens: Token[] = [];
  let exclamations = 0;
  let questions = 0;
  // Curly apostrophes and emoji only matter in posts that have characters from U+2000 on.
  const normalized = BEYOND_BASIC_SCRIPTS.test(text)
    ? text.replace(/[\u2018\u2019\u02BC]/gu, "'").replace(EMOJI_SEQUENCE, ' $& ') : text;
  for (const chunk of normalized.split(/\s+/u)) {
    if (!chunk) continue;
    const first = chunk.charCodeAt(0);
    if ((first === H || first === W) && LINK.test(chunk)) continue;
    exclamations += countOf(chunk, '!');
    questions += countOf(chunk, '?');
    const sentenceEnd = ENDS_SENTENCE.test(chunk);
    if (first === AT && HANDLE.test(chunk)) continue;
    if (first >= 0x2000 && WHOLE_EMOJI.test(chunk)) {
      tokens.push(token(emojiKey(chunk), chunk, 'emoji', sentenceEnd));
      continue;
    }
    const trimmed = chunk.replace(TRAILING_SENTENCE_PUNCTUATION, '');
    if (SARCASM_MARKERS.has(chunk.toLowerCase()) || SARCASM_MARKERS.has(trimmed.toLowerCase())) {
      tokens.push(token('/s', chunk, 'marker', sentenceEnd));
      continue;
    }
    const emoticon = ALPHANUMERIC.test(chunk) ? (isEmoticon(chunk) ? chunk : null)
      : isEmoticon(chunk) ? chunk : trimmed.length >= 2 && isEmoticon(trimmed) ? trimmed : null;
    if (emoticon) {
      tokens.push(token(emoticon.toLowerCase(), emoticon, 'emoticon', sentenceEnd && emoticon !== chunk));
      continue;
    }
    const hashtag = first === HASH ? HASHTAG.exec(chunk) : null;
    if (hashtag) {
      const tag = hashtag[1]!;
      const words = isRatedHashtag(tag.toLowerCase()) ? [tag.toLowerCase()] : splitHashtag(tag, isKnownWord);
      words.forEach((word, index) => tokens.push(wordToken(word, `#${word}`, 'hashtag', sentenceEnd && index === words.length - 1)));
      continue;
    }
    const word = ALPHANUMERIC.test(chunk) ? chunk : chunk.replace(EDGE_PUNCTUATION, '');
    if (word) tokens.push(wordToken(word, word, 'word', sentenceEnd));
    else if (sentenceEnd && tokens.length > 0) tokens[tokens.length - 1]!.sentenceEnd = true;
  }
  return { tokens, exclamations, questions };
}

function wordToken(word: string, raw: string, kind: TokenKind, sentenceEnd: boolean): Token {
  const lower = isLowerAscii(word) ? word : word.toLowerCase();
  const { word: text, elongated } = collapseElongation(lower, isKnownWord);
  return { text, raw, kind, isUpper: kind === 'word' && lower !== word && isAllCaps(word), elongated, sentenceEnd };
}

function token(text: string, raw: string, kind: TokenKind, sentenceEnd: boolean): Token {
  return { text, raw, kind, isUpper: false, elongated: false, sentenceEnd };
}

function countOf(text: string, mark: string): number {
  let count = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) count++;
  return count;
}
