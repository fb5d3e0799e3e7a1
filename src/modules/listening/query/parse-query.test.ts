import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../errors.ts';
import { parseQuery } from './parse-query.ts';
import { printQuery } from './print-query.ts';
import { QuerySyntaxError } from './query-syntax-error.ts';

const term = (token: string) => ({ kind: 'term', token });

/** The query as the printer writes it back: a compact way to show the tree. */
const reads = (query: string) => printQuery(parseQuery(query));

function assertSyntaxError(query: string, expected: { message: string; position: number; expected: string }) {
  assert.throws(() => parseQuery(query), (error: unknown) => {
    assert.ok(error instanceof QuerySyntaxError);
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.equal(error.message, expected.message);
    assert.equal(error.position, expected.position);
    assert.equal(error.expected, expected.expected);
    assert.deepEqual(error.details, [{ field: 'query', message: expected.message, position: expected.position, expected: expected.expected }]);
    return true;
  }, query);
}

describe('parseQuery', () => {
  it('reads terms case- and accent-insensitively', () => {
    assert.deepEqual(parseQuery('Café'), term('cafe'));
  });

  it('reads AND, OR and NOT, with AND binding tighter than OR and NOT tightest', () => {
    assert.deepEqual(parseQuery('a OR b AND NOT c'), {
      kind: 'or', children: [term('a'), { kind: 'and', children: [term('b'), { kind: 'not', child: term('c') }] }],
    });
  });

  it('reads words side by side as AND', () => {
    assert.equal(reads('acme refund NOT spam'), 'acme AND refund AND NOT spam');
  });

  it('reads lower-case and, or, not as words', () => {
    assert.equal(reads('rock and roll'), 'rock AND and AND roll');
  });

  it('keeps parenthesized groups as written', () => {
    assert.equal(reads('a AND (b AND c)'), 'a AND (b AND c)');
    assert.equal(reads('((a))'), 'a');
    assert.equal(reads('(a OR b) c'), '(a OR b) AND c');
  });

  it('reads quoted phrases, turning a one-word phrase into a term', () => {
    assert.deepEqual(parseQuery('"Refund  please!"'), { kind: 'phrase', tokens: ['refund', 'please'] });
    assert.deepEqual(parseQuery('"refund"'), term('refund'));
  });

  it('reads compounds as their joined form, and as their parts inside a phrase', () => {
    assert.deepEqual(parseQuery('e-mail'), term('email'));
    assert.deepEqual(parseQuery('"e-mail me"'), { kind: 'phrase', tokens: ['e', 'mail', 'me'] });
    assert.deepEqual(parseQuery('acme.com'), term('acme.com'));
  });

  it('reads a bare word holding several words as a phrase', () => {
    assert.deepEqual(parseQuery('24/7'), { kind: 'phrase', tokens: ['24', '7'] });
  });

  it('reads hashtags, handles, URLs and emoji', () => {
    assert.equal(reads('#Fail @AcmeHelp https://www.acme.com/help 👍'), '#fail AND @acmehelp AND https://acme.com/help AND 👍');
  });

  it('reads trailing wildcards', () => {
    assert.deepEqual(parseQuery('Refund*'), { kind: 'prefix', prefix: 'refund' });
    assert.deepEqual(parseQuery('#ref*'), { kind: 'prefix', prefix: '#ref' });
  });

  it('reads NEAR/n and ONEAR/n between words, phrases, wildcards and OR groups', () => {
    assert.deepEqual(parseQuery('late ONEAR/2 deliver*'), {
      kind: 'near', left: term('late'), right: { kind: 'prefix', prefix: 'deliver' }, distance: 2, ordered: true,
    });
    assert.equal(reads('(apple OR pear) NEAR/3 "pie crust"'), '(apple OR pear) NEAR/3 "pie crust"');
    assert.equal(reads('a NEAR/1 b c'), '(a NEAR/1 b) AND c');
  });

  it('reads field filters, normalizing their values', () => {
    assert.equal(
      reads('author:@JaneDoe lang:pt_BR source:Twitter site:https://www.Acme.com/x place:"São Paulo" followers:[1000 TO *]'),
      'author:"janedoe" AND lang:"pt-br" AND source:"twitter" AND site:"acme.com" AND place:"sao paulo" AND followers:[1000 TO *]',
    );
    assert.deepEqual(parseQuery('followers:[10 TO 500]'), { kind: 'followers', min: 10, max: 500 });
    assert.deepEqual(parseQuery('Author:"Jane  Doe"'), { kind: 'field', field: 'author', value: 'jane doe' });
  });
});

describe('parseQuery errors', () => {
  it('points at the missing ")" and at the "(" it should close', () => {
    assertSyntaxError('acme AND (refund OR return', { message: 'Expected ")" to close the "(" at 9, at 26', position: 26, expected: '")"' });
  });

  it('points at a ")" that closes nothing', () => {
    assertSyntaxError('acme OR b)', { message: 'Expected the end of the query, found ")" with no "(" before it, at 9', position: 9, expected: 'AND, OR, NOT or the end of the query' });
  });

  it('points past a dangling AND, or at what follows it', () => {
    assertSyntaxError('acme AND', { message: 'Expected a term or "(" after "AND", at 8', position: 8, expected: 'a term or "("' });
    assertSyntaxError('acme OR OR b', { message: 'Expected a term or "(" after "OR", at 8', position: 8, expected: 'a term or "("' });
    assertSyntaxError('AND acme', { message: 'Expected a term or "(" before "AND", at 0', position: 0, expected: 'a term or "("' });
    assertSyntaxError('()', { message: 'Expected a term or "(" after "(", at 1', position: 1, expected: 'a term or "("' });
    assertSyntaxError('  ', { message: 'Expected a term or "(" in the empty query, at 2', position: 2, expected: 'a term or "("' });
  });

  it('refuses empty and unclosed phrases', () => {
    assertSyntaxError('acme ""', { message: 'Expected words inside the quotes, at 5', position: 5, expected: 'words inside the quotes' });
    assertSyntaxError('acme "?!"', { message: 'Expected words inside the quotes, at 5', position: 5, expected: 'words inside the quotes' });
    assertSyntaxError('acme "refund', { message: 'Expected \'"\' to close the quote at 5, at 12', position: 12, expected: '"' });
  });

  it('refuses wildcards that are too short, inside words or inside quotes', () => {
    assertSyntaxError('acme re*', { message: 'Expected at least 3 letters before "*" in "re*", at 5', position: 5, expected: 'at least 3 letters before "*"' });
    assertSyntaxError('#re*', { message: 'Expected at least 3 letters before "*" in "#re*", at 0', position: 0, expected: 'at least 3 letters before "*"' });
    assertSyntaxError('re*und', { message: 'Expected "*" only at the end of a word, at 2', position: 2, expected: 'a "*" at the end of a word' });
    assertSyntaxError('"ref* now"', {
      message: 'Expected no "*" inside quotes: a phrase is matched as written; use ONEAR/0 to combine a wildcard with a word, at 4',
      position: 4, expected: 'words without "*"',
    });
    assertSyntaxError('24/7*', { message: 'Expected one word before "*", found "24/7*", at 0', position: 0, expected: 'one word before "*"' });
  });

  it('refuses bad follower ranges', () => {
    assertSyntaxError('followers:[500 TO 10]', {
      message: 'Expected a range whose lower bound comes first after "followers:", found "[500 TO 10]", at 10',
      position: 10, expected: 'a range whose lower bound comes first',
    });
    assertSyntaxError('followers:1000', {
      message: 'Expected a range such as [1000 TO *] or [10 TO 500] after "followers:", found "1000", at 10',
      position: 10, expected: 'a range such as [1000 TO *] or [10 TO 500]',
    });
    assertSyntaxError('followers:[10 TO', { message: 'Expected "]" to close the "[" at 10, at 16', position: 16, expected: '"]"' });
  });

  it('refuses unknown fields and unusable values', () => {
    assertSyntaxError('acme colour:red', {
      message: 'Expected a field name (author, lang, source, site, place or followers), found "colour", at 5',
      position: 5, expected: 'a field name: author, lang, source, site, place or followers',
    });
    assertSyntaxError('lang:english', { message: 'Expected a language code such as en or pt-br after "lang:", found "english", at 5', position: 5, expected: 'a language code such as en or pt-br' });
    assertSyntaxError('author: acme', { message: 'Expected a value after "author:", at 7', position: 7, expected: 'a value after "author:"' });
    assertSyntaxError('place:"!"', { message: 'Expected letters or digits after "place:", found "!", at 6', position: 6, expected: 'letters or digits' });
  });

  it('refuses NEAR without a distance, or between things without positions', () => {
    assertSyntaxError('a NEAR b', { message: 'Expected a number of words after "NEAR/", as in NEAR/3, at 6', position: 6, expected: 'a number after "NEAR/"' });
    assertSyntaxError('a ONEAR/x b', { message: 'Expected a number of words after "ONEAR/", as in ONEAR/3, at 8', position: 8, expected: 'a number after "ONEAR/"' });
    const nearOperand = 'a word, phrase, wildcard or an OR group of those';
    assertSyntaxError('a NEAR/2 (b AND c)', { message: `Expected ${nearOperand} on each side of "NEAR/2", at 9`, position: 9, expected: nearOperand });
    assertSyntaxError('NOT a NEAR/2 b', { message: `Expected ${nearOperand} on each side of "NEAR/2", at 0`, position: 0, expected: nearOperand });
    assertSyntaxError('a NEAR/2 b NEAR/2 c', { message: `Expected ${nearOperand} on each side of "NEAR/2", at 0`, position: 0, expected: nearOperand });
  });

  it('refuses "-" as a way to exclude, and words without letters or digits', () => {
    assertSyntaxError('acme -spam', { message: 'Expected NOT to exclude a word: write NOT spam, at 5', position: 5, expected: 'NOT before a word to exclude it' });
    assertSyntaxError('acme !!!', { message: 'Expected a word to search for, found "!!!", at 5', position: 5, expected: 'a word to search for' });
  });
});
