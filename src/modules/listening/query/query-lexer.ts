// Splits query text into lexemes: operators, parentheses, quoted phrases, field
// filters and bare words, each with the offset where it starts, so every parser
// error can point at a character. Words are kept raw here; parse-query.ts decides
// what they mean.
import { QuerySyntaxError } from './query-syntax-error.ts';

interface At { readonly at: number; readonly text: string }
export type Lexeme =
  | (At & { readonly type: 'and' | 'or' | 'not' | 'open' | 'close' | 'end' })
  | (At & { readonly type: 'near'; readonly distance: number; readonly ordered: boolean })
  | (At & { readonly type: 'word' })
  /** `text` is what is between the quotes; `at` is the opening quote. */
  | (At & { readonly type: 'phrase'; readonly words: string })
  | (At & { readonly type: 'field'; readonly name: string; readonly value: string; readonly valueAt: number });

/** `name:` starts a field filter, except in `https://`. */
const FIELD_START = /([A-Za-z]+):(?!\/\/)/y;
const NEAR = /^(O?)NEAR\/(\d+)$/;
const LOOKS_LIKE_NEAR = /^O?NEAR(?:\/|$)/;
const KEYWORDS = { AND: 'and', OR: 'or', NOT: 'not' } as const;

const isSpace = (c: string) => /\s/.test(c);
const endsWord = (c: string) => c === '(' || c === ')' || c === '"' || isSpace(c);

export function lexQuery(query: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  const wordEnd = (from: number) => {
    let end = from;
    while (end < query.length && !endsWord(query[end]!)) end++;
    return end;
  };
  /** The offset of the quote that closes the one at `open`. */
  const closingQuote = (open: number) => {
    const close = query.indexOf('"', open + 1);
    if (close === -1) throw new QuerySyntaxError(`Expected '"' to close the quote at ${open}`, query.length, '"');
    return close;
  };

  for (;;) {
    while (i < query.length && isSpace(query[i]!)) i++;
    if (i >= query.length) break;
    const c = query[i]!;
    if (c === '(' || c === ')') {
      lexemes.push({ type: c === '(' ? 'open' : 'close', at: i, text: c });
      i++;
    } else if (c === '"') {
      const close = closingQuote(i);
      lexemes.push({ type: 'phrase', at: i, text: query.slice(i, close + 1), words: query.slice(i + 1, close) });
      i = close + 1;
    } else if ((FIELD_START.lastIndex = i, FIELD_START.test(query))) {
      const valueAt = FIELD_START.lastIndex;
      let valueEnd: number;
      let value: string;
      if (query[valueAt] === '"') {
        valueEnd = closingQuote(valueAt) + 1;
        value = query.slice(valueAt + 1, valueEnd - 1);
      } else if (query[valueAt] === '[') {
        const close = query.indexOf(']', valueAt);
        if (close === -1) throw new QuerySyntaxError(`Expected "]" to close the "[" at ${valueAt}`, query.length, '"]"');
        valueEnd = close + 1;
        value = query.slice(valueAt, valueEnd);
      } else {
        valueEnd = wordEnd(valueAt);
        value = query.slice(valueAt, valueEnd);
      }
      const name = query.slice(i, valueAt - 1);
      if (value.trim() === '') throw new QuerySyntaxError(`Expected a value after "${name}:"`, valueAt, `a value after "${name}:"`);
      lexemes.push({ type: 'field', at: i, text: query.slice(i, valueEnd), name, value, valueAt });
      i = valueEnd;
    } else {
      const end = wordEnd(i);
      lexemes.push(wordLexeme(query.slice(i, end), i));
      i = end;
    }
  }
  lexemes.push({ type: 'end', at: query.length, text: '' });
  return lexemes;
}

/** Operators are upper-case; `and`, `or` and `not` in lower case are words to search for. */
function wordLexeme(text: string, at: number): Lexeme {
  if (text === 'AND' || text === 'OR' || text === 'NOT') return { type: KEYWORDS[text], at, text };
  const near = NEAR.exec(text);
  if (near) return { type: 'near', at, text, ordered: near[1] === 'O', distance: Number(near[2]) };
  if (LOOKS_LIKE_NEAR.test(text)) {
    const operator = text.startsWith('O') ? 'ONEAR' : 'NEAR';
    const afterSlash = at + operator.length + (text.length > operator.length ? 1 : 0);
    throw new QuerySyntaxError(`Expected a number of words after "${operator}/", as in ${operator}/3`, afterSlash, `a number after "${operator}/"`);
  }
  return { type: 'word', at, text };
}
