// Everything a reply is judged against, read once: the conversation and the post it
// answers, its triage (category, urgency) and topics, the policy in force, the
// organization's risk settings and the writer's standing (certification, acknowledgement).
import type { Database } from '../../../db/index.ts';
import { invalid, notFound } from '../../../errors.ts';
import { staffByIds, type Actor } from '../../people/index.ts';
import { newestMentionOf, replyTargetOf, topicNamesOf, type ReplyTarget } from '../../listening/index.ts';
import { triageOfMentions } from '../../triage/index.ts';
import { conversationToAnswer, type ConversationState } from '../../routing/index.ts';
import { currentPolicy, acknowledgedVersionOf, type PolicyInForce } from '../policy/policy-store.ts';
import { riskSettingsOf } from '../risk/risk-settings-store.ts';
import type { RiskSettings } from '../risk/risk-settings.ts';
import type { ConversationRisk } from '../risk/risk-tier.ts';
import type { ReplierStanding } from '../risk/reply-permission.ts';

export interface ReplySituation {
  state: ConversationState;
  target: ReplyTarget;
  topicNames: string[];
  risk: ConversationRisk;
  policy: PolicyInForce;
  settings: RiskSettings;
  standing: ReplierStanding;
}

async function answeredMention(db: Database, orgId: string, conversationId: string, mentionId: string | undefined): Promise<ReplyTarget> {
  const id = mentionId ?? await newestMentionOf(db, orgId, conversationId);
  const target = id ? await replyTargetOf(db, orgId, id) : undefined;
  if (!target) throw notFound('The post to answer');
  if (target.conversationId !== conversationId) throw invalid([{ field: 'body.inReplyToMentionId', message: 'is not a post of this conversation' }]);
  return target;
}

export async function replySituation(db: Database, actor: Actor, conversationId: string, inReplyToMentionId?: string): Promise<ReplySituation> {
  const state = await conversationToAnswer(db, actor, conversationId);
  const target = await answeredMention(db, actor.orgId, conversationId, inReplyToMentionId);
  const [[triage], topicNames, policy, settings, [me], acknowledged] = await Promise.all([
    triageOfMentions(db, actor, [target.mentionId]), topicNamesOf(db, actor.orgId, target.topicIds), currentPolicy(db, actor.orgId),
    riskSettingsOf(db, actor.orgId), staffByIds(db, actor.orgId, actor.personId ? [actor.personId] : []),
    actor.personId ? acknowledgedVersionOf(db, actor.orgId, actor.personId) : Promise.resolve(null),
  ]);
  return {
    state, target, topicNames, policy, settings,
    risk: {
      routingRequiresApproval: state.requireApproval, categoryName: triage?.category?.name ?? null, topicIds: target.topicIds,
      urgency: triage?.urgency.score ?? 0, authorFollowers: target.authorFollowers,
    },
    standing: { certificationLevel: me?.certificationLevel ?? 0, acknowledgedPolicyVersion: acknowledged },
  };
}
