// Matching without case or accents ("Café" finds "cafe", "Straße" finds "strasse")
// while still reporting where in the original text a match is: folding can change
// the length of the text, so every folded character remembers the span of the
// original character it came from. Spans are UTF-16 offsets, as JavaScript strings use.

export interface FoldedText {
  /** Lowercase, without accents; compatibility forms (ligatures, full-width letters) decomposed. */
  text: string;
  /** For each UTF-16 unit of `text`, where its original character starts and ends. */
  originStart: number[];
  originEnd: number[];
}

/** A run of letters and digits in folded form, with its span in the original text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARK = /\p{M}/gu;
const ASCII_RUN = /\p{ASCII}+/uy;

function foldCharacter(character: string): string {
  return character.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase().replace(/ß/g, 'ss');
}

export function foldText(original: string): FoldedText {
  let text = '';
  const originStart: number[] = [];
  const originEnd: number[] = [];
  for (let index = 0; index < original.length;) {
    const code = original.charCodeAt(index);
    // ASCII, most of most replies, keeps its length, so a whole run is folded at once.
    if (code < 0x80) {
      ASCII_RUN.lastIndex = index;
      const run = ASCII_RUN.exec(original)![0];
      text += run.toLowerCase();
      for (let unit = index; unit < index + run.length; unit++) {
        originStart.push(unit);
        originEnd.push(unit + 1);
      }
      index += run.length;
      continue;
    }
    const width = original.codePointAt(index)! > 0xffff ? 2 : 1;
    const folded = foldCharacter(original.slice(index, index + width));
    for (let unit = 0; unit < folded.length; unit++) {
      originStart.push(index);
      originEnd.push(index + width);
    }
    text += folded;
    index += width;
  }
  return { text, originStart, originEnd };
}

/** The span in the original text of `folded.text.slice(start, end)`. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.originStart[start]!, end: folded.originEnd[end - 1]! };
}

/** The words of a text: runs of letters and digits, folded; everything else separates them. */
export function wordsOf(folded: FoldedText): Word[] {
  const words: Word[] = [];
  for (const match of folded.text.matchAll(WORD)) {
    words.push({ text: match[0], ...originalSpan(folded, match.index, match.index + match[0].length) });
  }
  return words;
}

/** The folded words of a phrase, split as wordsOf splits a text, so "risk-free" is ["risk", "free"]. */
export function phraseWords(phrase: string): string[] {
  return foldText(phrase).text.match(WORD) ?? [];
}
