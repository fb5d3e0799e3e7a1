// Everything a share is checked against before it is stored, shared by the composer's
// preview and by making the share: the account it goes out through (the sharer's own,
// on the share's network), the policy and the talking-points nudge on the text, then
// the guard rails at the moment it would go out (now, or when scheduled, in the
// sharer's time zone).
import type { Database } from '../../../db/index.ts';
import { forbidden, invalid } from '../../../errors.ts';
import { requireAccess, staffByIds, type Actor } from '../../people/index.ts';
import { currentPolicy } from '../../respond/index.ts';
import { ownAccount, type AccountRow } from '../accounts/advocate-accounts.ts';
import { CODE_LENGTH, shortUrlOf } from '../links/tracked-links.ts';
import { storyFor, type StoryRow } from '../stories/story-views.ts';
import { advocacySettingsOf, type AdvocacySettings } from './advocacy-settings.ts';
import { checkMastodonInstance, type ShareNetwork } from './intent-links.ts';
import { judgeShare, type ShareJudgement } from './judge-share.ts';
import { instantOf } from './local-time.ts';
import { shareRefusalsOf, type ShareRefusal } from './share-guards.ts';

export interface ShareInput {
  storyId: string;
  network: ShareNetwork;
  text: string;
  /** "YYYY-MM-DDTHH:MM" in the sharer's time zone, or an instant; absent: now. */
  scheduledFor?: string;
  /** The sharer's Mastodon server, for sharing to Mastodon through its compose link. */
  mastodonInstance?: string;
  /** One of the sharer's accounts on this network: a connected one publishes the share, any gives its followers as reach. */
  accountId?: string;
}

export interface ComposedShare {
  personId: string;
  story: StoryRow;
  settings: AdvocacySettings;
  policyVersion: number;
  judgement: ShareJudgement;
  refusals: ShareRefusal[];
  /** The account named, or null. */
  account: AccountRow | null;
  /** Null: now. */
  scheduledFor: Date | null;
  /** The short link in `judgement.text` stands in for the real one, of the same length (so lengths hold) until the link is made. */
  placeholderUrl: string;
}

export async function composeShare(db: Database, publicUrl: string, actor: Actor, input: ShareInput, now = new Date()): Promise<ComposedShare> {
  requireAccess(actor, 'advocacy.join');
  if (!actor.personId) throw forbidden('Only a person can share.');
  const account = input.accountId ? await ownAccount(db, actor, input.accountId) : null;
  if (account && account.network !== input.network) throw invalid([{ field: 'body.accountId', message: `is your ${account.network} account, not one on ${input.network}` }]);
  if (!account) checkMastodonInstance(input.network, input.mastodonInstance);
  const story = await storyFor(db, actor, input.storyId);
  const [person] = await staffByIds(db, actor.orgId, [actor.personId]);
  const timeZone = person?.timeZone ?? 'UTC';
  const scheduledFor = input.scheduledFor ? instantOf(input.scheduledFor, timeZone, 'body.scheduledFor') : null;
  if (scheduledFor && scheduledFor <= now) throw invalid([{ field: 'body.scheduledFor', message: `is in the past (${scheduledFor.toISOString()})` }]);
  const [policy, settings] = await Promise.all([currentPolicy(db, actor.orgId), advocacySettingsOf(db, actor.orgId)]);
  const placeholderUrl = shortUrlOf('x'.repeat(CODE_LENGTH), publicUrl);
  const judgement = judgeShare({ text: input.text, network: input.network, story, shortUrl: placeholderUrl, policyRules: policy.rules });
  const refusals = await shareRefusalsOf(db, settings, { story, personId: actor.personId, timeZone, text: judgement.text, at: scheduledFor ?? now });
  return { personId: actor.personId, story, settings, policyVersion: policy.version, judgement, refusals, account, scheduledFor, placeholderUrl };
}
