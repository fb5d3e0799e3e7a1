// The policy engine: the organization's social-media policy as rules (data the hub
// edits), checked against a reply as it is typed and again at send, together with the
// network's own limits. Pure code, no I/O. The respond module uses this file only.
export {
  severities, personalDataKinds, claimCategories, parsePolicyRules, PolicyRuleSchema, PolicyRulesSchema,
  type Severity, type PolicyRule, type PolicyRuleKind, type PersonalDataKind, type ClaimCategory,
} from './policy-rule.ts';
export { compilePolicy, checkReply, worstSeverity, compareFindings, type CompiledPolicy, type PolicyFinding, type ReplyContext, type Span } from './check-reply.ts';
export { networkLimits, limitsOf, measureReply, checkNetworkLimits, type NetworkLimits, type ReplyMeasure, type LengthUnit } from './network-limits.ts';
export { defaultPolicyRules } from './default-policy.ts';
