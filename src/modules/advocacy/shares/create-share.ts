// Making a share, and the composer's preview of one. A share is refused while its
// text breaks the policy or a guard rail holds; otherwise it gets its own tracked
// short link (UTM: the network, employee-share, the story, the share) and goes out
// now or is scheduled for the sharer's chosen time: through the sharer's connected
// Mastodon or Bluesky account (published by a job), or through the network's compose
// link (opened). Its reach is the followers of the account named, at share time.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { AppError } from '../../../errors.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import { recordAudit, type Actor } from '../../people/index.ts';
import { shares } from '../advocacy.schema.ts';
import { createTrackedLink } from '../links/tracked-links.ts';
import { awardPoints } from '../recognition/points.ts';
import { isConnected } from '../accounts/advocate-accounts.ts';
import { composeShare, type ShareInput } from './compose-share.ts';
import { enqueueSharePublishing } from './publish-share.job.ts';
import { openScheduledShareJob } from './open-scheduled-share.job.ts';
import type { ShareRefusal } from './share-guards.ts';
import { viewShare } from './share-views.ts';

export async function previewShare(db: Database, publicUrl: string, actor: Actor, input: ShareInput) {
  const { judgement, refusals, policyVersion, scheduledFor } = await composeShare(db, publicUrl, actor, input);
  const blockers = judgement.findings.filter((finding) => finding.severity === 'block').map((finding) => finding.message);
  return {
    text: judgement.text, findings: judgement.findings, nudges: judgement.nudges, disclosureAdded: judgement.disclosureAdded, policyVersion, scheduledFor,
    mayShare: !judgement.blocked && refusals.length === 0,
    whyNot: [...blockers.map((message) => ({ code: 'policy' as const, message })), ...refusals],
  };
}

function refusalError(refusals: ShareRefusal[]): AppError {
  const capped = refusals.some((refusal) => refusal.code === 'person_cap' || refusal.code === 'story_cap');
  return new AppError(capped ? 'RATE_LIMITED' : 'SHARE_REFUSED', refusals.map((refusal) => refusal.message).join(' '), { reason: refusals[0]!.code, refusals });
}

export async function createShare(db: Database, publicUrl: string, actor: Actor, input: ShareInput) {
  const composed = await composeShare(db, publicUrl, actor, input);
  const { judgement, story } = composed;
  if (judgement.blocked) {
    const blocking = judgement.findings.filter((finding) => finding.severity === 'block');
    throw new AppError('SHARE_BLOCKED', `The share cannot go out as written: ${blocking.map((finding) => finding.message).join(' ')}`, { findings: blocking });
  }
  if (composed.refusals.length > 0) throw refusalError(composed.refusals);
  const { account } = composed;
  const throughAccount = account !== null && isConnected(account);
  const status = composed.scheduledFor ? 'scheduled' as const : throughAccount ? 'publishing' as const : 'opened' as const;
  const share = await db.transaction(async (tx) => {
    const [draft] = await tx.insert(shares).values({
      orgId: actor.orgId, storyId: story.id, personId: composed.personId, text: judgement.text, network: input.network, status,
      scheduledFor: composed.scheduledFor, linkCode: '', policyVersion: composed.policyVersion, findings: judgement.findings,
      accountId: account?.id ?? null, reach: account?.followers ?? 0,
    }).returning();
    const link = await createTrackedLink(tx, actor.orgId, {
      shareId: draft!.id, storyUrl: story.url, utm: { source: input.network, medium: 'employee-share', campaign: story.id, content: draft!.id },
    }, { publicUrl });
    const [row] = await tx.update(shares).set({ linkCode: link.code, text: judgement.text.split(composed.placeholderUrl).join(link.shortUrl) })
      .where(eq(shares.id, draft!.id)).returning();
    await recordAudit(tx, actor, {
      action: 'share.created', targetType: 'share', targetId: row!.id, targetLabel: story.title,
      after: { storyId: story.id, network: row!.network, status, accountId: row!.accountId, reach: row!.reach, text: row!.text, scheduledFor: row!.scheduledFor, policyVersion: row!.policyVersion, findings: judgement.findings.map(({ ruleId, severity }) => ({ ruleId, severity })), disclosureAdded: judgement.disclosureAdded },
    });
    if (composed.scheduledFor) {
      await enqueueJob(tx, openScheduledShareJob, { shareId: row!.id }, { orgId: actor.orgId, runAt: composed.scheduledFor, key: `advocacy-share-open:${row!.id}` });
    } else if (throughAccount) {
      // Points when it is published.
      await enqueueSharePublishing(tx, row!);
    } else {
      await awardPoints(tx, composed.settings, { orgId: actor.orgId, personId: composed.personId, action: 'share', refId: row!.id });
    }
    return row!;
  });
  return {
    share: viewShare(share, story.title, publicUrl, input.mastodonInstance),
    findings: judgement.findings, nudges: judgement.nudges, disclosureAdded: judgement.disclosureAdded,
  };
}
