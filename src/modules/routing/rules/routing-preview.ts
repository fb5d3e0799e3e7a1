// "What would happen to this?": the rules run over a stored mention or a pasted one,
// with the trace of every rule and who in the chosen spoke would get it, and why.
import type { Database } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import { requireAccess, spokeNamesOf, type Actor } from '../../people/index.ts';
import { triagedMentionsOf } from '../../triage/index.ts';
import { routableOf } from '../conversations/route-mentions.ts';
import { routingConfigurationOf } from '../routing-configuration.ts';
import { candidatesInSpoke, skillTopicsFor } from '../assignment/assign-in-spoke.ts';
import { chooseAssignee } from '../assignment/choose-assignee.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { RoutableMention } from './routing-rule.ts';

export type PreviewInput = Partial<Omit<RoutableMention, 'postedAt'>> & { mentionId?: string };

async function mentionToPreview(db: Database, orgId: string, input: PreviewInput): Promise<{ mention: RoutableMention; authorHandle: string | null; categoryName: string | null }> {
  if (input.mentionId) {
    const [mention] = await triagedMentionsOf(db, orgId, [input.mentionId]);
    if (!mention) throw invalid([{ field: 'body.mentionId', message: 'is not a triaged mention of this organization (new mentions are triaged within seconds)' }]);
    return { mention: routableOf(mention), authorHandle: mention.authorHandle, categoryName: mention.categoryName };
  }
  if (!input.text) throw invalid([{ field: 'body.text', message: 'is required unless a mentionId is given' }]);
  return {
    mention: {
      text: input.text, topicIds: input.topicIds ?? [], sourceId: input.sourceId ?? '', categoryId: input.categoryId ?? null,
      sentiment: input.sentiment ?? 'neutral', urgency: input.urgency ?? 0, language: input.language ?? null,
      placeSpokeId: input.placeSpokeId ?? null, authorFollowers: input.authorFollowers ?? null, postedAt: new Date(),
    },
    authorHandle: null, categoryName: null,
  };
}

export async function previewRouting(db: Database, actor: Actor, input: PreviewInput) {
  requireAccess(actor, 'routing.manage');
  const { mention, authorHandle, categoryName } = await mentionToPreview(db, actor.orgId, input);
  const decision = evaluateRules((await routingConfigurationOf(db, actor.orgId)).rules, mention);
  const spokeName = decision.spokeId ? (await spokeNamesOf(db, actor.orgId, [decision.spokeId])).get(decision.spokeId) ?? null : null;
  const assignee = decision.spokeId && !decision.noReplyNeeded
    ? chooseAssignee(await candidatesInSpoke(db, actor.orgId, decision.spokeId, authorHandle), {
      skillTopics: skillTopicsFor(categoryName), language: mention.language, minimumCertification: 0,
    }, new Date())
    : null;
  return { decision: { ...decision, spokeName }, assignee };
}
