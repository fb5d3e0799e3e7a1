// Table-driven tests of policy rules: each case is rules, a text and its context, and
// the findings expected, written as rule id, severity and the text each one covers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReply, type ReplyContext } from './check-reply.ts';
import type { PolicyRule, Severity } from './policy-rule.ts';

export interface ExpectedFinding {
  ruleId: string;
  severity: Severity;
  /** The text the finding covers; null for a finding about the whole reply. */
  match: string | null;
}

export interface PolicyCase {
  name: string;
  rules: PolicyRule[];
  text: string;
  context?: ReplyContext;
  expected: ExpectedFinding[];
}

/** One test per case; a finding's `match` must also be the text at its span. */
export function describePolicyCases(title: string, cases: readonly PolicyCase[]): void {
  describe(title, () => {
    for (const { name, rules, text, context, expected } of cases) {
      it(name, () => {
        const findings = checkReply(text, context ?? {}, rules);
        for (const finding of findings) assert.equal(finding.match, finding.span ? text.slice(finding.span.start, finding.span.end) : undefined);
        assert.deepEqual(findings.map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, match: finding.match ?? null })), expected);
      });
    }
  });
}
