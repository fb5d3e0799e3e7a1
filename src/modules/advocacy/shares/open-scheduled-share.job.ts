// A scheduled share coming due: the guard rails are checked again (a crisis may have
// paused advocacy, the story may have ended, caps may have filled), then the share
// goes out: through the sharer's connected account (handed to the publish job, points
// when published), or opened for its sharer, who finds its compose link among their
// shares, and it earns its points. A share that may no longer go out is cancelled with
// the reason rather than held: what was planned before a crisis should not go out after it.
import { Type } from 'typebox';
import { and, eq } from 'drizzle-orm';
import { defineJob } from '../../../jobs/index.ts';
import type { Database } from '../../../db/index.ts';
import { recordAudit, staffByIds, systemActor } from '../../people/index.ts';
import { advocateAccounts, shares, stories } from '../advocacy.schema.ts';
import { enqueueSharePublishing } from './publish-share.job.ts';
import { awardPoints } from '../recognition/points.ts';
import { advocacySettingsOf } from './advocacy-settings.ts';
import { shareRefusalsOf } from './share-guards.ts';

export const openScheduledShareJob = defineJob({
  kind: 'advocacy.open-scheduled-share',
  payload: Type.Object({ shareId: Type.String({ format: 'uuid' }) }),
  handle: async ({ shareId }, context) => openScheduledShare(context.db, shareId),
});

export async function openScheduledShare(db: Database, shareId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ share: shares, story: stories, account: { followers: advocateAccounts.followers, credential: advocateAccounts.credential } }).from(shares)
      .innerJoin(stories, eq(stories.id, shares.storyId)).leftJoin(advocateAccounts, eq(advocateAccounts.id, shares.accountId))
      .where(and(eq(shares.id, shareId), eq(shares.status, 'scheduled'))).for('update', { of: shares });
    if (!found) return;
    const { share, story, account } = found;
    const settings = await advocacySettingsOf(tx, share.orgId);
    const [person] = await staffByIds(tx, share.orgId, [share.personId]);
    const refusals = await shareRefusalsOf(tx, settings, { story, personId: share.personId, timeZone: person?.timeZone ?? 'UTC', text: share.text, at: now, shareId });
    const lastError = refusals.length > 0 ? refusals.map((refusal) => refusal.message).join(' ') : null;
    const throughAccount = account?.credential != null;
    const status = lastError ? 'cancelled' as const : throughAccount ? 'publishing' as const : 'opened' as const;
    // The followers now are the reach; the publish job reads a connected account's again when they are old.
    await tx.update(shares).set({ status, lastError, reach: account?.followers ?? share.reach, updatedAt: now }).where(eq(shares.id, shareId));
    if (status === 'opened') await awardPoints(tx, settings, { orgId: share.orgId, personId: share.personId, action: 'share', refId: share.id });
    if (status === 'publishing') await enqueueSharePublishing(tx, share);
    await recordAudit(tx, systemActor(share.orgId, 'scheduler'), {
      action: `share.${status}`, targetType: 'share', targetId: share.id, targetLabel: story.title,
      after: { policyVersion: share.policyVersion, reasons: refusals.map((refusal) => refusal.code) },
    });
  });
}
