// Checking a reply against the policy: the rules are compiled once (patterns, word
// lists, shingles of marketing texts), then every check reads the reply once per rule,
// in time linear in its length, so the composer can check on every keystroke and the
// send path can check again. The network's own limits are checked apart
// (network-limits.ts): they hold whatever the organization's rules say.
import { severities, type PolicyRule, type Severity } from './policy-rule.ts';
import { prepareReply, type PolicyFinding, type ReplyContext, type RuleCheck } from './policy-finding.ts';
import { compileDisclosureRule } from './disclosure-rule.ts';
import { compilePersonalDataRule } from './personal-data-rule.ts';
import { compileConfidentialTermsRule } from './confidential-terms-rule.ts';
import { compileForbiddenClaimsRule } from './forbidden-claims-rule.ts';
import { compileProfanityRule } from './profanity-rule.ts';
import { compileLinkAllowListRule } from './link-allow-list-rule.ts';
import { compileMarketingCopyRule } from './marketing-copy-rule.ts';

export type { PolicyFinding, ReplyContext, Span } from './policy-finding.ts';

export interface CompiledPolicy {
  readonly rules: readonly PolicyRule[];
  /** The findings, by where they start; findings about the whole reply (span null) last. */
  check(text: string, context?: ReplyContext): PolicyFinding[];
}

export function compilePolicy(rules: readonly PolicyRule[]): CompiledPolicy {
  const checks = rules.map(compileRule);
  return {
    rules,
    check(text, context = {}) {
      const reply = prepareReply(text, context);
      return checks.flatMap((check) => check(reply)).sort(compareFindings);
    },
  };
}

/** Compiles the rules and checks one text: for a single check; compile once to check as someone types. */
export function checkReply(text: string, context: ReplyContext, rules: readonly PolicyRule[]): PolicyFinding[] {
  return compilePolicy(rules).check(text, context);
}

/** The most serious severity among the findings; null when there are none. */
export function worstSeverity(findings: readonly PolicyFinding[]): Severity | null {
  return findings.reduce<Severity | null>((worst, finding) => (worst === null || severities.indexOf(finding.severity) > severities.indexOf(worst) ? finding.severity : worst), null);
}

function compileRule(rule: PolicyRule): RuleCheck {
  switch (rule.kind) {
    case 'disclosure': return compileDisclosureRule(rule);
    case 'personal-data': return compilePersonalDataRule(rule);
    case 'confidential-terms': return compileConfidentialTermsRule(rule);
    case 'forbidden-claims': return compileForbiddenClaimsRule(rule);
    case 'profanity': return compileProfanityRule(rule);
    case 'link-allow-list': return compileLinkAllowListRule(rule);
    case 'marketing-copy': return compileMarketingCopyRule(rule);
  }
}

/** The order of findings: by start, then the longer first, the more serious first, by rule id; whole-reply findings last. */
export function compareFindings(a: PolicyFinding, b: PolicyFinding): number {
  const start = (finding: PolicyFinding) => finding.span?.start ?? Number.POSITIVE_INFINITY;
  return start(a) - start(b) || (b.span?.end ?? 0) - (a.span?.end ?? 0)
    || severities.indexOf(b.severity) - severities.indexOf(a.severity) || a.ruleId.localeCompare(b.ruleId);
}
