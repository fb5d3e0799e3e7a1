// Judging a reply's text in its situation: the policy's findings and the network's
// limits, whether anything blocks it, its risk tier and why, whether the writer may
// reply publicly, and how it will be published. Pure, so the live check while typing
// and the check at send give the same answer for the same text.
import type { Actor } from '../../people/index.ts';
import { checkNetworkLimits, measureReply } from '../policy/network-limits.ts';
import { worstSeverity, type PolicyFinding } from '../policy/check-reply.ts';
import type { Severity } from '../policy/policy-rule.ts';
import { compiledPolicyOf } from '../policy/policy-cache.ts';
import { assessRisk, type RiskAssessment } from '../risk/risk-tier.ts';
import { replyPermission, type ReplyPermission } from '../risk/reply-permission.ts';
import { publishingRouteOf, type PublishingRoute } from '../publishing/publishing-route.ts';
import type { ReplySituation } from './reply-situation.ts';

export interface ReplyJudgement {
  network: string;
  policyVersion: number;
  measure: ReturnType<typeof measureReply>;
  findings: PolicyFinding[];
  worst: Severity | null;
  /** A finding of severity block (including the network's limits): it cannot be sent as written. */
  blocked: boolean;
  risk: RiskAssessment;
  permission: ReplyPermission;
  publishing: PublishingRoute;
}

export function judgeReply(actor: Actor, situation: ReplySituation, text: string): ReplyJudgement {
  const { target, policy } = situation;
  const network = target.sourceKind;
  const findings = [
    ...compiledPolicyOf(actor.orgId, policy).check(text, { network, topics: situation.topicNames }),
    ...checkNetworkLimits(text, network),
  ].sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity));
  const worst = worstSeverity(findings);
  return {
    network, policyVersion: policy.version, measure: measureReply(text, network), findings, worst, blocked: worst === 'block',
    risk: assessRisk(situation.risk, findings, situation.settings),
    permission: replyPermission(actor, situation.standing, policy.version, situation.settings),
    publishing: publishingRouteOf(target.sourceKind, target.sourceConfig),
  };
}
