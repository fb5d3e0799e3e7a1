import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from 'typebox/value';
import { AppError, type FieldProblem } from '../../../errors.ts';
import { defaultPolicyRules } from './default-policy.ts';
import { parsePolicyRules, PolicyRulesSchema } from './policy-rule.ts';

const card = { kind: 'personal-data', id: 'cards', severity: 'block', detect: ['card'] };

/** The problems parsePolicyRules reports for `raw`. */
function problemsOf(raw: unknown, where?: string): FieldProblem[] {
  try {
    parsePolicyRules(raw, where);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    return error.details as FieldProblem[];
  }
  assert.fail('expected the rules to be refused');
}

const refusals: { name: string; raw: unknown; problems: FieldProblem[] }[] = [
  { name: 'not a list', raw: { rules: [] }, problems: [{ field: 'rules', message: 'must be a list of rules' }] },
  { name: 'a rule that is not an object', raw: [card, 'cards'], problems: [{ field: 'rules[1]', message: 'must be an object' }] },
  { name: 'an unknown kind', raw: [{ ...card, kind: 'vibes' }], problems: [{ field: 'rules[0].kind', message: 'must be one of disclosure, personal-data, confidential-terms, forbidden-claims, profanity, link-allow-list, marketing-copy' }] },
  { name: 'a missing field and an unknown one', raw: [{ kind: 'confidential-terms', id: 'x', severity: 'warn', term: ['Falcon'] }], problems: [
    { field: 'rules[0].terms', message: 'is required' }, { field: 'rules[0].term', message: 'is not a known setting' }] },
  { name: 'a severity that is not one', raw: [{ ...card, severity: 'fatal' }], problems: [{ field: 'rules[0].severity', message: 'must be equal to one of the allowed values' }] },
  { name: 'an id that is not stable-looking', raw: [{ ...card, id: 'No Cards!' }], problems: [{ field: 'rules[0].id', message: 'must match pattern "^[a-z0-9][a-z0-9._-]*$"' }] },
  { name: 'an id kept for network limits', raw: [{ ...card, id: 'network-limit.length' }], problems: [{ field: 'rules[0].id', message: 'ids starting with "network-limit" are kept for the networks\' own limits' }] },
  { name: 'the same id twice', raw: [card, { ...card, detect: ['email'] }], problems: [{ field: 'rules[1].id', message: '"cards" is the id of rules[0] already' }] },
  { name: 'an empty list', raw: [{ kind: 'confidential-terms', id: 'x', severity: 'warn', terms: [] }], problems: [{ field: 'rules[0].terms', message: 'must not have fewer than 1 items' }] },
  { name: 'an order number pattern that does not compile', raw: [{ ...card, detect: ['order-number'], orderNumberPattern: 'AC-(\\d+' }], problems: [
    { field: 'rules[0].orderNumberPattern', message: 'is not a valid regular expression: Invalid regular expression: /AC-(\\d+/giu: Unterminated group' }] },
  { name: 'an order number pattern that matches nothing at all', raw: [{ ...card, detect: ['order-number'], orderNumberPattern: '\\d*' }], problems: [{ field: 'rules[0].orderNumberPattern', message: 'must not match empty text' }] },
  { name: 'order numbers without a pattern', raw: [{ ...card, detect: ['order-number'] }], problems: [{ field: 'rules[0].orderNumberPattern', message: 'is required to detect order numbers' }] },
  { name: 'a pattern without order numbers', raw: [{ ...card, orderNumberPattern: 'AC-\\d+' }], problems: [{ field: 'rules[0].orderNumberPattern', message: 'is only used when detect includes "order-number"' }] },
  { name: 'a detector twice', raw: [{ ...card, detect: ['card', 'card'] }], problems: [{ field: 'rules[0].detect', message: 'must not have duplicate items' }] },
  { name: 'phrases without words, or with * inside', raw: [{ kind: 'forbidden-claims', id: 'c', severity: 'warn', claims: [
    { phrase: 'ok', category: 'legal', why: 'w' }, { phrase: '!!!', category: 'legal', why: 'w' }, { phrase: 'gua*rantee', category: 'legal', why: 'w' }] }], problems: [
    { field: 'rules[0].claims[1].phrase', message: 'must contain a letter or a digit' }, { field: 'rules[0].claims[2].phrase', message: 'may end with * (any word starting so) but not contain it elsewhere' }] },
  { name: 'a term without words', raw: [{ kind: 'confidential-terms', id: 't', severity: 'block', terms: ['Falcon', '***'] }], problems: [{ field: 'rules[0].terms[1]', message: 'must contain a letter or a digit' }] },
  { name: 'a claim in an unknown category', raw: [{ kind: 'forbidden-claims', id: 'c', severity: 'warn', claims: [{ phrase: 'ok', category: 'moral', why: 'w' }] }], problems: [
    { field: 'rules[0].claims[0].category', message: 'must be equal to one of the allowed values' }] },
  { name: 'a profanity entry of two words', raw: [{ kind: 'profanity', id: 'p', severity: 'block', extraWords: ['numpty', 'silly billy'] }], problems: [{ field: 'rules[0].extraWords[1]', message: 'must be a single word' }] },
  { name: 'a URL where a domain belongs', raw: [{ kind: 'link-allow-list', id: 'l', severity: 'warn', allowedDomains: ['acme.example', 'https://acme.example/x'] }], problems: [
    { field: 'rules[0].allowedDomains[1]', message: 'must be a domain such as acme.example, without https:// or a path' }] },
  { name: 'a threshold above 1, before looking into the copies', raw: [{ kind: 'marketing-copy', id: 'm', severity: 'warn', threshold: 1.5, copies: [
    { id: 'a', text: 'one two three four five six' }, { id: 'a', text: 'too short' }] }], problems: [{ field: 'rules[0].threshold', message: 'must be <= 1' }] },
  { name: 'marketing copies too short or with the same id', raw: [{ kind: 'marketing-copy', id: 'm', severity: 'warn', copies: [
    { id: 'a', text: 'one two three four five six' }, { id: 'a', text: 'too short' }] }], problems: [
    { field: 'rules[0].copies[1].id', message: '"a" is used by another copy of this rule' }, { field: 'rules[0].copies[1].text', message: 'must have at least 6 words' }] },
  { name: 'problems of several rules at once, under another name', raw: [{ ...card, severity: 'fatal' }, { ...card, id: 'x', detect: [] }], problems: [
    { field: 'rules[0].severity', message: 'must be equal to one of the allowed values' }, { field: 'rules[1].detect', message: 'must not have fewer than 1 items' }] },
];

describe('parsePolicyRules', () => {
  for (const { name, raw, problems } of refusals) {
    it(`refuses ${name}, naming the field`, () => assert.deepEqual(problemsOf(raw), problems));
  }

  it('names fields under the place the rules came from', () => {
    assert.deepEqual(problemsOf([{ ...card, severity: 'fatal' }], 'body.rules'), [{ field: 'body.rules[0].severity', message: 'must be equal to one of the allowed values' }]);
  });

  it('accepts the starter policy unchanged, and so does the schema', () => {
    assert.deepEqual(parsePolicyRules(structuredClone(defaultPolicyRules)), defaultPolicyRules);
    assert.equal(Value.Check(PolicyRulesSchema, defaultPolicyRules), true);
  });

  it('the schema refuses what the parser refuses for its shape', () => {
    assert.equal(Value.Check(PolicyRulesSchema, [{ ...card, extra: true }]), false);
    assert.equal(Value.Check(PolicyRulesSchema, [{ ...card, kind: 'vibes' }]), false);
  });
});
