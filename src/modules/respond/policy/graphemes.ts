// Splitting text into graphemes, the characters a reader sees ("👍🏽" is one), as
// networks that count graphemes do, fast enough to count on every keystroke.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const NON_ASCII_RUN = /\P{ASCII}+/gu;
/**
 * Characters that join a grapheme with their neighbours (UAX #29): marks (variation
 * selectors and viramas included), zero-width joiners, skin tones, flag letters, tags,
 * Hangul jamo, Thai and Lao SARA AM, and the common prepended signs.
 */
const JOINING = /[\p{M}\u200c\u200d\p{Emoji_Modifier}\p{Regional_Indicator}\u{e0020}-\u{e007f}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0e33\u0eb3\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}]/u;

/**
 * The graphemes of a text and where each starts, as Intl.Segmenter finds them. Node's
 * segmenter costs microseconds a grapheme, too slow for every keystroke, so it reads
 * only runs of non-ASCII text holding a joining character (from the character before
 * the run, which a mark can join); elsewhere every character is a grapheme, "\r\n" one.
 */
export function* graphemesOf(text: string): Generator<{ segment: string; index: number }> {
  let at = 0;
  for (const run of text.matchAll(NON_ASCII_RUN)) {
    let from = Math.max(at, run.index - 1);
    if (from > at && text[from] === '\n' && text[from - 1] === '\r') from--;
    yield* asciiGraphemes(text, at, from);
    const end = run.index + run[0].length;
    if (JOINING.test(run[0])) {
      for (const { segment, index } of segmenter.segment(text.slice(from, end))) yield { segment, index: from + index };
    } else {
      yield* asciiGraphemes(text, from, run.index);
      for (let index = run.index; index < end;) {
        const segment = String.fromCodePoint(text.codePointAt(index)!);
        yield { segment, index };
        index += segment.length;
      }
    }
    at = end;
  }
  yield* asciiGraphemes(text, at, text.length);
}

function* asciiGraphemes(text: string, from: number, to: number): Generator<{ segment: string; index: number }> {
  for (let index = from; index < to; index++) {
    const lineBreak = text[index] === '\r' && text[index + 1] === '\n' && index + 1 < to;
    yield { segment: lineBreak ? '\r\n' : text[index]!, index };
    if (lineBreak) index++;
  }
}
