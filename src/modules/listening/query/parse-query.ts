// The parser of listening queries: recursive descent over the lexemes, one function
// per precedence level, loosest first:
//
//   query   = or EOF
//   or      = and { "OR" and }
//   and     = near { [ "AND" ] near }          (two operands side by side mean AND)
//   near    = unary { ( "NEAR/n" | "ONEAR/n" ) unary }
//   unary   = "NOT" unary | primary
//   primary = "(" or ")" | word | phrase | field
//
// docs/listening-queries.md has the full grammar. Words and phrases are normalized
// here, through tokenize.ts, so the tree holds the same tokens a post would produce.
import { fieldNames, isFieldName, readFieldFilter } from './field-filters.ts';
import { lexQuery, type Lexeme } from './query-lexer.ts';
import { isPositional, type QueryNode } from './query-ast.ts';
import { QuerySyntaxError } from './query-syntax-error.ts';
import { phraseTokensOf, piecesOf, termTokenOf } from './tokenize.ts';

/** A wildcard needs this many characters before the "*", so `re*` cannot match half the language. */
export const MIN_WILDCARD_PREFIX = 3;

/** Parses a listening query; throws QuerySyntaxError saying where and what was expected. */
export function parseQuery(text: string): QueryNode {
  return new QueryParser(lexQuery(text)).parseWhole();
}

const OPERAND = 'a term or "("';
const NEAR_OPERAND = 'a word, phrase, wildcard or an OR group of those';
const FIELD_LIST = `${fieldNames.slice(0, -1).join(', ')} or ${fieldNames.at(-1)}`;

class QueryParser {
  private next = 0;

  constructor(private readonly lexemes: readonly Lexeme[]) {}

  parseWhole(): QueryNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type !== 'end') {
      // parseOr stops only at the end or at a ")" nothing opened.
      throw new QuerySyntaxError('Expected the end of the query, found ")" with no "(" before it', rest.at, 'AND, OR, NOT or the end of the query');
    }
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek().type === 'or') {
      this.take();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseNear()];
    for (;;) {
      const next = this.peek();
      if (next.type === 'and') this.take();
      else if (!startsOperand(next)) break;
      children.push(this.parseNear());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private parseNear(): QueryNode {
    const leftAt = this.peek().at;
    let left = this.parseUnary();
    while (this.peek().type === 'near') {
      const operator = this.take() as Extract<Lexeme, { type: 'near' }>;
      const rightAt = this.peek().at;
      const right = this.parseUnary();
      // NEAR measures how many words apart two things are, so both must be found at positions.
      if (!isPositional(left)) throw nearOperandMissing(operator, leftAt);
      if (!isPositional(right)) throw nearOperandMissing(operator, rightAt);
      left = { kind: 'near', left, right, distance: operator.distance, ordered: operator.ordered };
    }
    return left;
  }

  private parseUnary(): QueryNode {
    if (this.peek().type !== 'not') return this.parsePrimary();
    this.take();
    return { kind: 'not', child: this.parseUnary() };
  }

  private parsePrimary(): QueryNode {
    const lexeme = this.peek();
    switch (lexeme.type) {
      case 'open': {
        this.take();
        const inner = this.parseOr();
        const close = this.peek();
        if (close.type !== 'close') throw new QuerySyntaxError(`Expected ")" to close the "(" at ${lexeme.at}`, close.at, '")"');
        this.take();
        return inner;
      }
      case 'word':
        this.take();
        return wordNode(lexeme.text, lexeme.at);
      case 'phrase':
        this.take();
        return phraseNode(lexeme.words, lexeme.at);
      case 'field':
        this.take();
        return fieldNode(lexeme);
      default:
        throw this.missingOperand(lexeme);
    }
  }

  private missingOperand(found: Lexeme): QuerySyntaxError {
    const previous = this.lexemes[this.next - 1];
    const where = previous ? `after "${previous.text}"` : found.type === 'end' ? 'in the empty query' : `before "${found.text}"`;
    return new QuerySyntaxError(`Expected ${OPERAND} ${where}`, found.at, OPERAND);
  }

  private peek(): Lexeme {
    return this.lexemes[this.next]!;
  }

  private take(): Lexeme {
    return this.lexemes[this.next++]!;
  }
}

const nearOperandMissing = (operator: Lexeme, at: number) =>
  new QuerySyntaxError(`Expected ${NEAR_OPERAND} on each side of "${operator.text}"`, at, NEAR_OPERAND);

const startsOperand = (lexeme: Lexeme) =>
  lexeme.type === 'word' || lexeme.type === 'phrase' || lexeme.type === 'field' || lexeme.type === 'open' || lexeme.type === 'not';

/** A bare word: a term, a wildcard, or (when it holds several words, like `a/b`) a phrase. */
function wordNode(text: string, at: number): QueryNode {
  const star = text.indexOf('*');
  const wildcard = star === text.length - 1;
  if (star !== -1 && !wildcard) throw new QuerySyntaxError('Expected "*" only at the end of a word', at + star, 'a "*" at the end of a word');
  if (text.length > 1 && text.startsWith('-')) {
    // Some tools exclude with "-"; silently searching for the word would do the opposite.
    throw new QuerySyntaxError(`Expected NOT to exclude a word: write NOT ${text.slice(1)}`, at, 'NOT before a word to exclude it');
  }
  const pieces = piecesOf(wildcard ? text.slice(0, -1) : text);
  if (pieces.length === 0) throw new QuerySyntaxError(`Expected a word to search for, found "${text}"`, at, 'a word to search for');
  if (wildcard) {
    if (pieces.length > 1) throw new QuerySyntaxError(`Expected one word before "*", found "${text}"`, at, 'one word before "*"');
    const prefix = termTokenOf(pieces[0]!);
    // "#" and "@" do not count: `#re*` is as vague as `re*`.
    if ([...prefix.replace(/^[#@]/, '')].length < MIN_WILDCARD_PREFIX) {
      throw new QuerySyntaxError(`Expected at least ${MIN_WILDCARD_PREFIX} letters before "*" in "${text}"`, at, `at least ${MIN_WILDCARD_PREFIX} letters before "*"`);
    }
    return { kind: 'prefix', prefix };
  }
  if (pieces.length === 1) return { kind: 'term', token: termTokenOf(pieces[0]!) };
  return { kind: 'phrase', tokens: pieces.flatMap(phraseTokensOf) };
}

function phraseNode(words: string, quoteAt: number): QueryNode {
  const star = words.indexOf('*');
  if (star !== -1) {
    throw new QuerySyntaxError('Expected no "*" inside quotes: a phrase is matched as written; use ONEAR/0 to combine a wildcard with a word', quoteAt + 1 + star, 'words without "*"');
  }
  const tokens = piecesOf(words).flatMap(phraseTokensOf);
  if (tokens.length === 0) throw new QuerySyntaxError('Expected words inside the quotes', quoteAt, 'words inside the quotes');
  return tokens.length === 1 ? { kind: 'term', token: tokens[0]! } : { kind: 'phrase', tokens };
}

function fieldNode(lexeme: Extract<Lexeme, { type: 'field' }>): QueryNode {
  const name = lexeme.name.toLowerCase();
  if (!isFieldName(name)) {
    throw new QuerySyntaxError(`Expected a field name (${FIELD_LIST}), found "${lexeme.name}"`, lexeme.at, `a field name: ${FIELD_LIST}`);
  }
  const filter = readFieldFilter(name, lexeme.value);
  if ('expected' in filter) {
    throw new QuerySyntaxError(`Expected ${filter.expected} after "${name}:", found "${lexeme.value}"`, lexeme.valueAt, filter.expected);
  }
  return filter;
}
