// Forbidden claims: promises and statements only the right people may make (regulated
// words, financial promises, medical or legal claims), each listed with why.
import type { ClaimCategory, ForbiddenClaimsRule } from './policy-rule.ts';
import { findingAt, type RuleCheck } from './policy-finding.ts';
import { PhraseMatcher } from './phrase-matcher.ts';

const fixOf: Record<ClaimCategory, string> = {
  regulated: 'Leave this word to the official statement, or describe the facts plainly.',
  financial: 'Do not promise money, returns or results; say what we actually offer.',
  medical: 'Do not claim health effects; point to the product information instead.',
  legal: 'Do not predict legal outcomes or give legal advice; refer the person to our legal team.',
};

export function compileForbiddenClaimsRule(rule: ForbiddenClaimsRule): RuleCheck {
  const claims = new PhraseMatcher(rule.claims.map((claim) => ({ phrase: claim.phrase, value: claim })));
  return (reply) => claims.findIn(reply.words).map((found) => findingAt(rule, reply, found, {
    message: `"${reply.text.slice(found.start, found.end)}" is a ${found.value.category} claim: ${found.value.why}`,
    fix: fixOf[found.value.category],
  }));
}
