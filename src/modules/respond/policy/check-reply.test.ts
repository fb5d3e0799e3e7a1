import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReply, compilePolicy, worstSeverity, type PolicyFinding } from './check-reply.ts';
import { defaultPolicyRules } from './default-policy.ts';
import type { PolicyRule } from './policy-rule.ts';
import { describePolicyCases, type PolicyCase } from './policy-cases.ts';
import { foldText, originalSpan, wordsOf } from './text-folding.ts';

const found = (ruleId: string, severity: 'info' | 'warn' | 'block', match: string | null) => ({ ruleId, severity, match });

// The starter policy on replies like the demo's, on Mastodon (where disclosure is asked).
const onMastodon = { network: 'mastodon' };
const starterCases: PolicyCase[] = [
  { name: 'a good reply has no findings', rules: defaultPolicyRules, context: onMastodon,
    text: 'Sorry about the wait, Jane! I work at Acme: I have asked the Leeds store to call you today. Returns info: https://acme.example/returns', expected: [] },
  { name: 'a good reply by e-mail needs no disclosure', rules: defaultPolicyRules, context: { network: 'email' }, text: 'Thanks for your patience, we will be in touch today.', expected: [] },
  { name: 'a bad reply, every finding in order, the missing disclosure last', rules: defaultPolicyRules, context: onMastodon,
    text: 'Project Falcon is guaranteed 100% safe, you idiot. Card 4111 1111 1111 1111, see rival.com',
    expected: [
      found('confidential-projects', 'block', 'Project Falcon'),
      found('forbidden-claims', 'warn', 'guaranteed'),
      found('forbidden-claims', 'warn', '100% safe'),
      found('no-profanity', 'block', 'idiot'),
      found('no-card-numbers', 'block', '4111 1111 1111 1111'),
      found('acme-links-only', 'warn', 'rival.com'),
      found('disclose-employment', 'warn', null),
    ] },
  { name: 'the company\'s own contacts are not personal data', rules: defaultPolicyRules, context: { network: 'email' },
    text: 'Write to help@acme.example or call +44 20 7946 0000; not jane@example.org or 020 7946 0958.',
    expected: [found('no-personal-data', 'warn', 'jane@example.org'), found('no-personal-data', 'warn', '020 7946 0958')] },
];

describePolicyCases('the starter policy', starterCases);

describe('checking a reply', () => {
  const rules: PolicyRule[] = [
    { kind: 'confidential-terms', id: 'b-terms', severity: 'info', terms: ['Falcon'] },
    { kind: 'confidential-terms', id: 'a-terms', severity: 'block', terms: ['Project Falcon'] },
    { kind: 'disclosure', id: 'disclose', severity: 'warn', phrases: ['I work at Acme'], suggestion: '(I work at Acme)' },
  ];

  it('orders findings by start, the longer and more serious first, whole-reply findings last', () => {
    const findings = checkReply('Project Falcon', {}, rules);
    assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.span]), [
      ['a-terms', { start: 0, end: 14 }], ['b-terms', { start: 8, end: 14 }], ['disclose', null]]);
  });

  it('offers to append a missing disclosure, with a space where the text needs one', () => {
    assert.deepEqual(checkReply('Thanks!', {}, rules).at(-1)!.replacement, { span: { start: 7, end: 7 }, text: ' (I work at Acme)' });
    assert.deepEqual(checkReply('Thanks!\n', {}, rules).at(-1)!.replacement, { span: { start: 8, end: 8 }, text: '(I work at Acme)' });
  });

  it('a compiled policy gives the same findings every time, and keeps its rules', () => {
    const policy = compilePolicy(defaultPolicyRules);
    const text = 'Bluebird! Call 020 7946 0958';
    const first = policy.check(text, onMastodon);
    assert.deepEqual(policy.check(text, onMastodon), first);
    assert.deepEqual(checkReply(text, onMastodon, defaultPolicyRules), first);
    assert.equal(policy.rules, defaultPolicyRules);
    assert.deepEqual(first.map((finding) => finding.ruleId), ['confidential-projects', 'no-personal-data', 'disclose-employment']);
  });

  it('no rules, no findings', () => {
    assert.deepEqual(checkReply('Project Falcon, 4111 1111 1111 1111', onMastodon, []), []);
  });
});

describe('worstSeverity', () => {
  const of = (...severities: PolicyFinding['severity'][]) => worstSeverity(severities.map((severity) => ({ ruleId: 'r', kind: 'profanity', severity, span: null, message: '', fix: '' })));
  for (const [severities, worst] of [[[], null], [['info'], 'info'], [['info', 'warn', 'info'], 'warn'], [['warn', 'block', 'info'], 'block']] as const) {
    it(`of [${severities.join(', ')}] is ${worst}`, () => assert.equal(of(...severities), worst));
  }
});

describe('text folding', () => {
  const cases: { text: string; folded: string; words: [string, string][] }[] = [
    { text: 'Café NOIR', folded: 'cafe noir', words: [['cafe', 'Café'], ['noir', 'NOIR']] },
    { text: 'Straße 5', folded: 'strasse 5', words: [['strasse', 'Straße'], ['5', '5']] },
    { text: '👍🏽 ﬁne e\u0301te', folded: '👍🏽 fine ete', words: [['fine', 'ﬁne'], ['ete', 'e\u0301te']] },
    { text: 'İstanbul, Ørsted', folded: 'istanbul, ørsted', words: [['istanbul', 'İstanbul'], ['ørsted', 'Ørsted']] },
  ];
  for (const { text, folded, words } of cases) {
    it(`folds "${text}" and maps words back to the original`, () => {
      const result = foldText(text);
      assert.equal(result.text, folded);
      assert.deepEqual(wordsOf(result).map((word) => [word.text, text.slice(word.start, word.end)]), words);
    });
  }

  it('maps a span of folded text back to whole original characters', () => {
    const folded = foldText('Groß');
    assert.deepEqual(originalSpan(folded, 3, 4), { start: 3, end: 4 });
    assert.deepEqual(originalSpan(folded, 0, 5), { start: 0, end: 4 });
  });
});
