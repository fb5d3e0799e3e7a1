// The organization's settings for replying: what makes a reply high-risk (and so wait
// for a PR lead or spoke lead), and who may reply publicly at all. The hub edits them;
// the crisis room raises `crisisTopicIds` while a crisis is active.
import { Type, type Static } from 'typebox';

export const RiskSettingsSchema = Type.Object({
  /** Category names (as triage names them) whose replies always need approval. */
  highRiskCategories: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, description: 'Category names whose replies always need approval.' }),
  highRiskTopicIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, description: 'Listening topics whose replies always need approval.' }),
  /** Triage urgency (0–100) at or above which a reply needs approval. */
  urgencyThreshold: Type.Integer({ minimum: 0, maximum: 101, description: 'Urgency (0–100) at or above which a reply needs approval; 101 switches this off.' }),
  /** Followers of the customer at or above which a reply needs approval. */
  reachThreshold: Type.Integer({ minimum: 0, description: 'Followers of the customer at or above which a reply needs approval.' }),
  /** Policy findings of this severity or worse, left in the text, send a reply for approval ('block' findings are refused anyway). */
  approvalForFindings: Type.Union([Type.Literal('none'), Type.Literal('info'), Type.Literal('warn')], { description: 'Findings of this severity or worse left in a reply send it for approval.' }),
  /** Topics of an active crisis: replies on them need approval while it lasts. */
  crisisTopicIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, description: 'Topics of an active crisis; the crisis room sets them.' }),
  minimumCertificationLevel: Type.Integer({ minimum: 0, maximum: 10, description: 'Certification level a person needs to reply publicly.' }),
  requirePolicyAcknowledgement: Type.Boolean({ description: 'Whether a person must have acknowledged the policy in force to reply publicly.' }),
  /** An approval older than this lapses: the reviewer judged a moment that has passed. */
  approvalValidHours: Type.Integer({ minimum: 1, maximum: 24 * 14, description: 'Hours an approval stays valid if the conversation does not change first.' }),
}, { additionalProperties: false });
export type RiskSettings = Static<typeof RiskSettingsSchema>;

export const defaultRiskSettings: RiskSettings = {
  highRiskCategories: [], highRiskTopicIds: [], urgencyThreshold: 70, reachThreshold: 10_000,
  approvalForFindings: 'warn', crisisTopicIds: [], minimumCertificationLevel: 0, requirePolicyAcknowledgement: true,
  approvalValidHours: 24,
};
