import type { PolicyRule } from './policy-rule.ts';
import { describePolicyCases, type PolicyCase } from './policy-cases.ts';

const confidential: PolicyRule = { kind: 'confidential-terms', id: 'code-names', severity: 'block', terms: ['Project Falcon', 'Bluebird', 'Café Noir'] };
const claims: PolicyRule = {
  kind: 'forbidden-claims', id: 'claims', severity: 'warn', claims: [
    { phrase: 'guarantee*', category: 'financial', why: 'only the terms guarantee.' },
    { phrase: 'money-back guarantee', category: 'financial', why: 'refunds follow the policy.' },
    { phrase: 'risk-free', category: 'financial', why: 'nothing is.' },
    { phrase: 'will win in court', category: 'legal', why: 'we never predict.' },
    { phrase: 'cure*', category: 'medical', why: 'no health claims.' },
  ],
};
const disclosure: PolicyRule = {
  kind: 'disclosure', id: 'disclose', severity: 'warn', networks: ['mastodon', 'Bluesky'],
  phrases: ['I work at Acme', '#AcmeTeam'], suggestion: '(I work at Acme)',
};
const pricingDisclosure: PolicyRule = { ...disclosure, id: 'disclose-pricing', topics: ['pricing'] };
const everywhereDisclosure: PolicyRule = { kind: 'disclosure', id: 'disclose-always', severity: 'info', phrases: ['Acme employee'], suggestion: '(Acme employee)' };

const found = (ruleId: string, match: string | null, severity: 'info' | 'warn' | 'block') => ({ ruleId, severity, match });

const confidentialCases: PolicyCase[] = [
  { name: 'a code name in any case', rules: [confidential], text: 'Is PROJECT falcon real? bluebird!', expected: [found('code-names', 'PROJECT falcon', 'block'), found('code-names', 'bluebird', 'block')] },
  { name: 'a term without its accents, and a term across a line break', rules: [confidential], text: 'cafe noir and Project\nFalcon', expected: [found('code-names', 'cafe noir', 'block'), found('code-names', 'Project\nFalcon', 'block')] },
  { name: 'a term with accents the list does not have', rules: [confidential], text: 'Blúebird', expected: [found('code-names', 'Blúebird', 'block')] },
  { name: 'not part of a longer word', rules: [confidential], text: 'Bluebirds and #bluebirdsong, a falcon project', expected: [] },
  { name: 'spans count UTF-16 units after an emoji', rules: [confidential], text: '🦅🦅 Bluebird', expected: [found('code-names', 'Bluebird', 'block')] },
];

const claimCases: PolicyCase[] = [
  { name: 'a prefix finds its forms', rules: [claims], text: 'Guaranteed! We guarantee it.', expected: [found('claims', 'Guaranteed', 'warn'), found('claims', 'guarantee', 'warn')] },
  { name: 'the longest phrase wins where two start together', rules: [claims], text: 'A money back guarantee.', expected: [found('claims', 'money back guarantee', 'warn')] },
  { name: 'hyphens and spaces alike', rules: [claims], text: 'risk free, Risk-Free', expected: [found('claims', 'risk free', 'warn'), found('claims', 'Risk-Free', 'warn')] },
  { name: 'a phrase of several words', rules: [claims], text: 'You will win in court.', expected: [found('claims', 'will win in court', 'warn')] },
  { name: 'not a word the prefix does not start', rules: [claims], text: 'Our guard cured nothing but is curious', expected: [found('claims', 'cured', 'warn')] },
  { name: 'not a phrase with another word in it', rules: [claims], text: 'you will surely win in court', expected: [] },
];

const disclosureCases: PolicyCase[] = [
  { name: 'missing on a listed network', rules: [disclosure], text: 'Thanks, we are on it.', context: { network: 'mastodon' }, expected: [found('disclose', null, 'warn')] },
  { name: 'networks compared without case', rules: [disclosure], text: 'Thanks', context: { network: 'bluesky' }, expected: [found('disclose', null, 'warn')] },
  { name: 'a phrase anywhere is enough', rules: [disclosure], text: 'Thanks! (i WORK at acme)', context: { network: 'mastodon' }, expected: [] },
  { name: 'a hashtag counts', rules: [disclosure], text: 'Thanks #AcmeTeam', context: { network: 'mastodon' }, expected: [] },
  { name: 'not on another network', rules: [disclosure], text: 'Thanks', context: { network: 'email' }, expected: [] },
  { name: 'not when the network is not known', rules: [disclosure], text: 'Thanks', expected: [] },
  { name: 'with topics, only on those topics', rules: [pricingDisclosure], text: 'Thanks', context: { network: 'mastodon', topics: ['Pricing', 'stores'] }, expected: [found('disclose-pricing', null, 'warn')] },
  { name: 'with topics, not on others', rules: [pricingDisclosure], text: 'Thanks', context: { network: 'mastodon', topics: ['stores'] }, expected: [] },
  { name: 'with topics and networks, both must match', rules: [pricingDisclosure], text: 'Thanks', context: { network: 'x', topics: ['pricing'] }, expected: [] },
  { name: 'without scopes, everywhere', rules: [everywhereDisclosure], text: 'Thanks', expected: [found('disclose-always', null, 'info')] },
];

describePolicyCases('confidential terms', confidentialCases);
describePolicyCases('forbidden claims', claimCases);
describePolicyCases('disclosure', disclosureCases);
