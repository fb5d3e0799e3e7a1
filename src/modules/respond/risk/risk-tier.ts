// Which replies may go out directly and which wait for a PR lead or spoke lead: a
// pure judgement over the conversation, the policy findings and the organization's
// settings, giving every reason so the author and the approver see why.
import type { PolicyFinding } from '../policy/check-reply.ts';
import type { Severity } from '../policy/policy-rule.ts';
import type { RiskSettings } from './risk-settings.ts';

export interface ConversationRisk {
  /** A routing rule asked for approval of every reply here. */
  routingRequiresApproval: boolean;
  categoryName: string | null;
  topicIds: readonly string[];
  urgency: number;
  authorFollowers: number | null;
}

export interface RiskAssessment { tier: 'low' | 'high'; reasons: string[] }

const severityRank: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export function assessRisk(conversation: ConversationRisk, findings: readonly PolicyFinding[], settings: RiskSettings): RiskAssessment {
  const reasons: string[] = [];
  if (conversation.routingRequiresApproval) reasons.push('a routing rule asks for approval of replies in this conversation');
  if (conversation.categoryName && settings.highRiskCategories.some((name) => name.toLowerCase() === conversation.categoryName!.toLowerCase())) {
    reasons.push(`category "${conversation.categoryName}" is high-risk`);
  }
  if (conversation.topicIds.some((id) => settings.crisisTopicIds.includes(id))) reasons.push('a crisis is active on this conversation\'s topic');
  else if (conversation.topicIds.some((id) => settings.highRiskTopicIds.includes(id))) reasons.push('its topic is high-risk');
  if (conversation.urgency >= settings.urgencyThreshold) reasons.push(`urgency ${conversation.urgency} is at or above ${settings.urgencyThreshold}`);
  const followers = conversation.authorFollowers ?? 0;
  if (followers >= settings.reachThreshold) {
    reasons.push(`the customer has ${followers.toLocaleString('en')} followers (${settings.reachThreshold.toLocaleString('en')} or more)`);
  }
  if (settings.approvalForFindings !== 'none') {
    const threshold = severityRank[settings.approvalForFindings];
    const flagged = findings.filter((finding) => severityRank[finding.severity] >= threshold);
    if (flagged.length > 0) reasons.push(`policy findings left in the text: ${[...new Set(flagged.map((f) => f.ruleId))].join(', ')}`);
  }
  return { tier: reasons.length > 0 ? 'high' : 'low', reasons };
}
