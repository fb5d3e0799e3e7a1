// Tokenization: how a post's text, and every word of a query, become tokens. Both
// sides go through this one file, so a query word matches a post word exactly when
// the two normalize to the same token. The rules (docs/listening-queries.md has them
// with examples):
//
// - Case and accents do not matter: text is decomposed (NFKD), combining marks are
//   dropped and letters lower-cased; a few letters that do not decompose are folded
//   by hand (ß → ss, ø → o, ł → l, ...). "Café" and "CAFE" are both `cafe`.
// - A word is a run of letters, digits and underscores. Apostrophes inside a word
//   vanish ("don't" → `dont`), so an apostrophe never splits a word.
// - A compound, words joined by "-" or "." ("e-mail", "coca-cola", "acme.com",
//   "3.5"), gives one token per part at consecutive positions (`e`, `mail`) and its
//   joined form at the first part's position (`email`, `cocacola`, `acme.com`, `3.5`):
//   hyphens are dropped from the joined form, dots are kept.
// - `#tag` gives the hashtag token `#tag` and the word `tag` at the same position, so
//   `#fail` finds only the hashtag while `fail` finds the word and the hashtag. `@name`
//   gives `@name` and `name` in the same way, so a brand's name finds its handle.
// - A URL (starting with http://, https:// or www.) is one token, normalized as
//   host/path without scheme or "www." (`acme.com/help`, always with a "/"), plus its
//   domain as a second token at the same position (`acme.com`).
// - Each emoji (with its skin tone and zero-width-joiner sequence) is one token.
//
// The scanner is written by hand over character codes because it runs on every word
// of every post; tokenize.test.ts holds it to an equivalent regular expression. It
// reads characters through string-reads.ts, and takes a text's length once rather than
// per word, for the reason given there.
import { charCodeAt, codePointAt, sliceOf } from './string-reads.ts';

/** Letters that NFKD leaves alone, and typographic apostrophes and hyphens. */
const HAND_FOLDS: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'þ': 'th', 'ı': 'i',
  '’': "'", '‘': "'", 'ʼ': "'", '‐': '-', '‑': '-',
};
const HAND_FOLDABLE = new RegExp(`[${Object.keys(HAND_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}/gu;
/**
 * Text made only of ASCII and of emoji blocks that NFKD leaves unchanged (checked for
 * every code point in tokenize.test.ts) needs only lower-casing and the emoji
 * variation selector removed. That is most posts, and NFKD is the slow part.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- all of ASCII, plus the joiner and variation selector as single code points on purpose
const NEEDS_ONLY_LOWER_CASE = /^[\u0000-\u007f\u200d\ufe0f\u2600-\u27bf\u{1f1e6}-\u{1f1ff}\u{1f300}-\u{1faff}]*$/u;
const VARIATION_SELECTOR = /\ufe0f/g;

/** Lower-cases, removes accents and folds look-alike characters; the same for posts and queries. */
export function normalizeText(text: string): string {
  if (NEEDS_ONLY_LOWER_CASE.test(text)) {
    const lower = text.toLowerCase();
    return lower.includes('\ufe0f') ? lower.replace(VARIATION_SELECTOR, '') : lower;
  }
  return text.normalize('NFKD').toLowerCase().replace(COMBINING_MARKS, '').replace(HAND_FOLDABLE, handFold);
}

const handFold = (char: string) => HAND_FOLDS[char]!;

/** What the scanner reads, piece by piece in text order. */
export interface PieceSink {
  /**
   * A plain word (letters, digits, underscores; apostrophes already dropped): the
   * characters of `text` from `start` to `end`, not cut out yet, so that a sink that
   * has no use for the word need not allocate it.
   */
  word(text: string, start: number, end: number): void;
  /** Words joined by "-" or "."; `joined` drops the hyphens and keeps the dots. */
  compound(parts: string[], joined: string): void;
  /**
   * `#tag` or `@handle` (text from `start` to `end`, not cut out yet), which stands
   * for itself and for the word without its sign.
   */
  tagged(text: string, start: number, end: number): void;
  /** A URL's token (see urlToken) and its domain. */
  url(token: string, domain: string): void;
  /** An emoji: the characters of `text` from `start` to `end`, not cut out yet. */
  emoji(text: string, start: number, end: number): void;
}

// Character kinds, for code points of normalized text.
const OTHER = 0;
const WORD = 1;
const PICTOGRAPH = 2;
const EMOJI_MODIFIER = 3;
const REGIONAL_INDICATOR = 4;
const SPACE = 5;
const UNKNOWN = 255;

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** The kind of every code point, worked out with Unicode properties the first time one is seen. */
const kinds = new Uint8Array(0x110000).fill(UNKNOWN);

function kindOf(codePoint: number): number {
  const known = kinds[codePoint]!;
  return known !== UNKNOWN ? known : classify(codePoint);
}

/** The kinds of the ASCII characters, most of every text, worked out up front so reading one takes no checks. */
const ASCII_KINDS = Uint8Array.from({ length: 0x80 }, (_, code) => classify(code));

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  // In the order of the alternatives of the equivalent regular expression (tokenize.test.ts).
  const kind = isSurrogate(codePoint) ? OTHER
    : /[\p{L}\p{N}_]/u.test(char) ? WORD
    : /\p{Extended_Pictographic}/u.test(char) ? PICTOGRAPH
    : /\p{Emoji_Modifier}/u.test(char) ? EMOJI_MODIFIER
    : /\p{Regional_Indicator}/u.test(char) ? REGIONAL_INDICATOR
    : /\s/u.test(char) ? SPACE
    : OTHER;
  kinds[codePoint] = kind;
  return kind;
}

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const HASH = 0x23;
const AT = 0x40;
const ZERO_WIDTH_JOINER = 0x200d;

/** The kind of the code point at `i` (a UTF-16 index; surrogate pairs are read whole). */
function kindAt(text: string, i: number): number {
  const code = charCodeAt(text, i);
  if (code < 0x80) return ASCII_KINDS[code]!;
  return kindOf(isSurrogate(code) ? codePointAt(text, i) : code);
}

/** The width in UTF-16 units of the code point at `i`. */
const widthAt = (text: string, i: number) => (codePointAt(text, i) > 0xffff ? 2 : 1);

/** Whether the code point before `i` is a word character. */
function wordCharBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const code = charCodeAt(text, i - 1);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff && i >= 2;
  return (isLowSurrogate ? kindOf(codePointAt(text, i - 2)) : kindAt(text, i - 1)) === WORD;
}

/** Reads normalized text (see normalizeText) as pieces, telling the sink about each in order. */
export function scanPieces(text: string, sink: PieceSink): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = charCodeAt(text, i);
    const kind = kindAt(text, i);
    if (kind === SPACE) {
      i++;
    } else if (kind === WORD) {
      i = scanUrl(text, i, length, sink) ?? scanWord(text, i, length, sink);
    } else if ((code === HASH || code === AT) && i + 1 < length && kindAt(text, i + 1) === WORD && !wordCharBefore(text, i)) {
      // A hashtag or handle starts a word: the "@" in jane@acme.com starts no handle.
      const end = wordRunEnd(text, i + 1, length);
      sink.tagged(text, i, end);
      i = end;
    } else if (kind === PICTOGRAPH) {
      const end = emojiEnd(text, i, length);
      sink.emoji(text, i, end);
      i = end;
    } else if (kind === REGIONAL_INDICATOR && i + 2 < length && kindAt(text, i + 2) === REGIONAL_INDICATOR) {
      // Two regional indicators make a flag.
      sink.emoji(text, i, i + 4);
      i += 4;
    } else {
      i += widthAt(text, i);
    }
  }
}

/** Where the run of word characters from `from` ends; `length` is the text's. */
function wordRunEnd(text: string, from: number, length: number): number {
  let end = from;
  while (end < length) {
    const code = charCodeAt(text, end);
    if (code < 0x80) {
      if (ASCII_KINDS[code] !== WORD) break;
      end++;
    } else if (!isSurrogate(code)) {
      // Other letters are nearly all one UTF-16 unit wide.
      if (kindOf(code) !== WORD) break;
      end++;
    } else {
      if (kindAt(text, end) !== WORD) break;
      end += widthAt(text, end);
    }
  }
  return end;
}

/** Reads a word, or a compound joined by apostrophes, hyphens and dots; returns where it ends. */
function scanWord(text: string, start: number, length: number, sink: PieceSink): number {
  let end = wordRunEnd(text, start, length);
  let joiners = false;
  while (end + 1 < length) {
    const code = charCodeAt(text, end);
    if ((code !== APOSTROPHE && code !== HYPHEN && code !== DOT) || kindAt(text, end + 1) !== WORD) break;
    joiners = true;
    end = wordRunEnd(text, end + 1, length);
  }
  if (!joiners) {
    sink.word(text, start, end);
    return end;
  }
  const raw = text.slice(start, end);
  const word = raw.includes("'") ? raw.replaceAll("'", '') : raw;
  if (word.includes('-') || word.includes('.')) sink.compound(word.split(/[-.]/), joinedForm(word));
  else sink.word(word, 0, word.length);
  return end;
}

/** "e-mail" → "email", "my-shop.com" → "myshop.com": hyphens go, dots stay. */
const joinedForm = (word: string) => (word.includes('-') ? word.replaceAll('-', '') : word);

/** Characters that end a URL: white space, quotes, angle brackets, parentheses, "*". */
const endsUrl = (code: number) =>
  code === 0x22 || code === 0x3c || code === 0x3e || code === 0x28 || code === 0x29 || code === 0x2a || kindOf(code) === SPACE;
/** Punctuation that ends a sentence rather than a URL, when it comes last. */
const TRAILING_PUNCTUATION = new Set([...".,;:!?'"].map((c) => c.charCodeAt(0)));

/** Reads a URL starting at `start`, if there is one; returns where it ends. */
function scanUrl(text: string, start: number, length: number, sink: PieceSink): number | undefined {
  // Most words start with neither "ht" nor "ww"; they are done with in two comparisons.
  // A word of one letter at the end has no second to read (see string-reads.ts).
  if (start + 1 === length) return undefined;
  const first = charCodeAt(text, start);
  const second = charCodeAt(text, start + 1);
  if (!(first === 0x68 /* h */ && second === 0x74 /* t */) && !(first === 0x77 /* w */ && second === 0x77)) return undefined;
  const bodyStart = hasAt(text, start, length, 'https://') ? start + 8
    : hasAt(text, start, length, 'http://') ? start + 7
    : hasAt(text, start, length, 'www.') ? start + 4
    : -1;
  if (bodyStart === -1) return undefined;
  let end = bodyStart;
  while (end < length && !endsUrl(charCodeAt(text, end))) end++;
  while (end > bodyStart && TRAILING_PUNCTUATION.has(charCodeAt(text, end - 1))) end--;
  if (end === bodyStart) return undefined;
  sink.url(urlTokenAt(text, start, end), joinedForm(hostAt(text, start, end)));
  return end;
}

/** A pictograph with its skin tone, and more such joined by zero-width joiners. */
function emojiEnd(text: string, start: number, length: number): number {
  let end = start + widthAt(text, start);
  if (end < length && kindAt(text, end) === EMOJI_MODIFIER) end += 2;
  while (end + 1 < length && charCodeAt(text, end) === ZERO_WIDTH_JOINER && kindAt(text, end + 1) === PICTOGRAPH) {
    end += 1 + widthAt(text, end + 1);
    if (end < length && kindAt(text, end) === EMOJI_MODIFIER) end += 2;
  }
  return end;
}

// URLs are read by index, through string-reads.ts, rather than with regular
// expressions and string methods: that way, with a Map lookup for each of their two
// tokens, the bench's posts, one URL for every three posts, spent about a tenth of the
// matcher's time on URLs.
const SLASH = 0x2f;
const QUESTION_MARK = 0x3f;
const COLON = 0x3a;

/** Where the URL text.slice(start, end) goes on after its scheme and "www.", if it has them. */
function afterSchemeAndWww(text: string, start: number, end: number): number {
  const afterScheme = hasAt(text, start, end, 'https://') ? start + 8 : hasAt(text, start, end, 'http://') ? start + 7 : start;
  return hasAt(text, afterScheme, end, 'www.') ? afterScheme + 4 : afterScheme;
}

/** Where the host and port that start at `from` end: at the path, query or fragment, if any. */
function authorityEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const code = charCodeAt(text, i);
    if (code === SLASH || code === QUESTION_MARK || code === HASH) return i;
  }
  return end;
}

/** The host of a URL, without scheme, "www.", credentials or port. */
export const hostOf = (url: string): string => hostAt(url, 0, url.length);

/** hostOf the URL text.slice(start, end). */
function hostAt(text: string, start: number, end: number): string {
  const authorityStart = afterSchemeAndWww(text, start, end);
  let hostEnd = authorityEnd(text, authorityStart, end);
  let hostStart = hostEnd;
  while (hostStart > authorityStart && charCodeAt(text, hostStart - 1) !== AT) hostStart--;
  let portStart = hostEnd;
  while (portStart > hostStart && isDigit(charCodeAt(text, portStart - 1))) portStart--;
  if (portStart > hostStart && charCodeAt(text, portStart - 1) === COLON) hostEnd = portStart - 1;
  return sliceOf(text, hasAt(text, hostStart, hostEnd, 'www.') ? hostStart + 4 : hostStart, hostEnd);
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** "https://www.acme.com/help/" → "acme.com/help"; "http://acme.com" → "acme.com/". */
export const urlToken = (url: string): string => urlTokenAt(url, 0, url.length);

/** urlToken of the URL text.slice(start, end). */
function urlTokenAt(text: string, start: number, end: number): string {
  const hostStart = afterSchemeAndWww(text, start, end);
  const pathStart = authorityEnd(text, hostStart, end);
  if (pathStart === end) return `${sliceOf(text, hostStart, end)}/`;
  // A path of more than "/" loses its trailing slash; a bare query or fragment gets a "/" before it.
  const pathEnd = charCodeAt(text, end - 1) === SLASH && end - pathStart > 1 ? end - 1 : end;
  return charCodeAt(text, pathStart) === SLASH
    ? sliceOf(text, hostStart, pathEnd)
    : `${sliceOf(text, hostStart, pathStart)}/${sliceOf(text, pathStart, pathEnd)}`;
}

/** Whether text.slice(i, end) starts with `part`. */
function hasAt(text: string, i: number, end: number, part: string): boolean {
  if (end - i < part.length) return false;
  for (let k = 0; k < part.length; k++) if (charCodeAt(text, i + k) !== charCodeAt(part, k)) return false;
  return true;
}

/** Anything that records tokens at word positions: see PositionRecorder. */
export interface TokenTarget {
  /** Called with positions in ascending order; one position may get several tokens. */
  addToken(token: string, position: number): void;
  /** The same for the token text.slice(start, end), which the target may skip without cutting it out. */
  addTokenSlice(text: string, start: number, end: number, position: number): void;
}

/**
 * Gives each piece its word position(s) and hands its tokens to a target: the rules
 * at the top of this file, in code. Both the reference evaluator's TokenPositions and
 * the compiled matcher's PostIndex record posts through it.
 */
export class PositionRecorder implements PieceSink {
  /** How many word positions the text has so far. */
  wordCount = 0;

  constructor(private readonly target: TokenTarget) {}

  /** Records the tokens of `text` (not yet normalized), numbering words from 0. */
  record(text: string): void {
    this.wordCount = 0;
    scanPieces(normalizeText(text), this);
  }

  word(text: string, start: number, end: number): void {
    this.target.addTokenSlice(text, start, end, this.wordCount++);
  }

  compound(parts: string[], joined: string): void {
    const first = this.wordCount;
    for (let i = 0; i < parts.length; i++) this.target.addToken(parts[i]!, first + i);
    this.target.addToken(joined, first);
    this.wordCount += parts.length;
  }

  tagged(text: string, start: number, end: number): void {
    const position = this.wordCount++;
    this.target.addTokenSlice(text, start, end, position);
    this.target.addTokenSlice(text, start + 1, end, position);
  }

  url(token: string, domain: string): void {
    const position = this.wordCount++;
    this.target.addToken(token, position);
    this.target.addToken(domain, position);
  }

  emoji(text: string, start: number, end: number): void {
    this.target.addTokenSlice(text, start, end, this.wordCount++);
  }
}

/** The tokens of one text, each with its ascending word positions: simple, for the reference evaluator. */
export class TokenPositions implements TokenTarget {
  private readonly positionsByToken = new Map<string, number[]>();
  /** Each distinct token once, in order of first appearance. */
  readonly tokens: string[] = [];
  private readonly recorder = new PositionRecorder(this);

  constructor(text: string) {
    this.recorder.record(text);
  }

  /** How many word positions the text has. */
  get wordCount(): number {
    return this.recorder.wordCount;
  }

  has(token: string): boolean {
    return this.positionsByToken.has(token);
  }

  /** Ascending positions of the token, or undefined when the text does not have it. */
  positionsOf(token: string): readonly number[] | undefined {
    return this.positionsByToken.get(token);
  }

  addTokenSlice(text: string, start: number, end: number, position: number): void {
    this.addToken(text.slice(start, end), position);
  }

  addToken(token: string, position: number): void {
    const positions = this.positionsByToken.get(token);
    if (positions === undefined) {
      this.positionsByToken.set(token, [position]);
      this.tokens.push(token);
    } else if (positions.at(-1) !== position) {
      positions.push(position);
    }
  }
}

/** What one stretch of text is, for the query parser. */
export type Piece =
  | { kind: 'word'; word: string }
  | { kind: 'compound'; parts: string[]; joined: string }
  | { kind: 'hashtag' | 'handle'; token: string; word: string }
  | { kind: 'url'; token: string; domain: string }
  | { kind: 'emoji'; token: string };

/** The pieces of a short text, e.g. one query word, a quoted phrase or a place. */
export function piecesOf(text: string): Piece[] {
  const collector = new PieceCollector();
  scanPieces(normalizeText(text), collector);
  return collector.pieces;
}

class PieceCollector implements PieceSink {
  readonly pieces: Piece[] = [];

  word(text: string, start: number, end: number): void {
    this.pieces.push({ kind: 'word', word: text.slice(start, end) });
  }

  compound(parts: string[], joined: string): void {
    this.pieces.push({ kind: 'compound', parts, joined });
  }

  tagged(text: string, start: number, end: number): void {
    const token = text.slice(start, end);
    this.pieces.push({ kind: token.startsWith('#') ? 'hashtag' : 'handle', token, word: token.slice(1) });
  }

  url(token: string, domain: string): void {
    this.pieces.push({ kind: 'url', token, domain });
  }

  emoji(text: string, start: number, end: number): void {
    this.pieces.push({ kind: 'emoji', token: text.slice(start, end) });
  }
}

/**
 * The one token a query word stands for. A compound stands for its joined form, so
 * `e-mail` finds "email" and "e-mail" alike; a hashtag, handle or URL for itself.
 */
export function termTokenOf(piece: Piece): string {
  switch (piece.kind) {
    case 'word': return piece.word;
    case 'compound': return piece.joined;
    case 'emoji': case 'hashtag': case 'handle': case 'url': return piece.token;
  }
}

/**
 * The tokens a piece contributes to a quoted phrase, one per position: a compound's
 * parts in order, so "coca-cola zero" finds "Coca-Cola Zero" and "coca cola zero".
 */
export function phraseTokensOf(piece: Piece): string[] {
  return piece.kind === 'compound' ? piece.parts : [termTokenOf(piece)];
}
