import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReply } from './check-reply.ts';
import type { PolicyRule } from './policy-rule.ts';
import { describePolicyCases, type PolicyCase } from './policy-cases.ts';

const links: PolicyRule = { kind: 'link-allow-list', id: 'links', severity: 'warn', allowedDomains: ['acme.example', 'Partner.test'] };
const noLinks: PolicyRule = { kind: 'link-allow-list', id: 'no-links', severity: 'block', allowedDomains: [] };

const found = (match: string) => ({ ruleId: 'links', severity: 'warn' as const, match });

const cases: PolicyCase[] = [
  { name: 'allowed domains, their subdomains, any case, any port', rules: [links], text: 'See https://acme.example/returns, HTTP://Shop.ACME.example:8080/x and https://partner.test.', expected: [] },
  { name: 'allowed bare domains, with and without a path', rules: [links], text: 'Go to acme.example/returns or www.acme.example', expected: [] },
  { name: 'a link elsewhere, without the sentence\'s punctuation', rules: [links], text: 'Try https://evil.test/deal?x=1).', expected: [found('https://evil.test/deal?x=1')] },
  { name: 'a bare domain with a common top-level domain', rules: [links], text: 'cheaper at rival.com!', expected: [found('rival.com')] },
  { name: 'a bare domain with a path', rules: [links], text: 'see rival.shopping/offers', expected: [found('rival.shopping/offers')] },
  { name: 'a domain that only starts or ends like an allowed one', rules: [links], text: 'acme.example.evil.test/x and https://notacme.example', expected: [found('acme.example.evil.test/x'), found('https://notacme.example')] },
  { name: 'where a link with a user name really goes', rules: [links], text: 'https://acme.example@evil.test/login', expected: [found('https://acme.example@evil.test/login')] },
  { name: 'not file names, abbreviations, versions or e-mail addresses', rules: [links], text: 'Node.js, e.g. report.pdf, v1.2.3, i.e. help@rival.com', expected: [] },
];

describePolicyCases('link allow-list', cases);

describe('link allow-list edits', () => {
  it('offers to remove a link', () => {
    const [finding] = checkReply('Try rival.com now', {}, [links]);
    assert.deepEqual(finding!.replacement, { span: { start: 4, end: 13 }, text: '' });
    assert.match(finding!.message, /rival\.com.*acme\.example, Partner\.test/);
  });

  it('an empty allow-list allows no links at all', () => {
    assert.deepEqual(checkReply('acme.example/returns', {}, [noLinks]).map((finding) => [finding.severity, finding.match, finding.fix]), [['block', 'acme.example/returns', 'Remove the link.']]);
  });
});
