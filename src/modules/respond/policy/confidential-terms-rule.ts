// Confidential terms, such as project code names: found as whole words without case
// or accents, so "project FALCON" and "Projekt Fálcon" differ only where they should.
import type { ConfidentialTermsRule } from './policy-rule.ts';
import { findingAt, type RuleCheck } from './policy-finding.ts';
import { PhraseMatcher } from './phrase-matcher.ts';

export function compileConfidentialTermsRule(rule: ConfidentialTermsRule): RuleCheck {
  const terms = new PhraseMatcher(rule.terms.map((term) => ({ phrase: term, value: term })));
  return (reply) => terms.findIn(reply.words).map((found) => findingAt(rule, reply, found, {
    message: `"${found.value}" is confidential: internal names must not be said in public.`,
    fix: 'Remove it, or use the public name.',
  }));
}
