// Publishing a share through the sharer's connected Mastodon or Bluesky account,
// exactly once, as replies are published (respond's publish-reply.job.ts): the share is
// "publishing" and its attempt is counted (committed) before the network is called, and
// every attempt carries the share's id as the idempotency key (Mastodon's
// Idempotency-Key, Bluesky's record key). If the process dies between "sent" and
// "recorded", the job's lease runs out, another worker runs it again, and the network
// answers with the post it already holds instead of publishing a second. Failures the
// network may recover from are retried with backoff (its rate-limit reset where it gives
// one) and shown on the share; the rest fail it with the network's reason.
import { Type } from 'typebox';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { AppError } from '../../../errors.ts';
import { defineJob, enqueueJob, type JobContext } from '../../../jobs/index.ts';
import { ConnectorError, type PublishedReply } from '../../../connectors/index.ts';
import { secretBoxFor } from '../../../secrets/index.ts';
import { recordAudit, systemActor } from '../../people/index.ts';
import { nextPublishAttemptAt } from '../../respond/index.ts';
import { advocateAccounts, shares } from '../advocacy.schema.ts';
import { awardPoints } from '../recognition/points.ts';
import { isConnected } from '../accounts/advocate-accounts.ts';
import { openCredential } from '../accounts/account-credentials.ts';
import { publishThroughAccount } from '../accounts/account-networks.ts';
import { followersAtShareTime, type AccountAccess } from '../accounts/connect-account.ts';
import { advocacySettingsOf } from './advocacy-settings.ts';
import type { ShareRow } from './share-views.ts';

export const publishShareJob = defineJob({
  kind: 'advocacy.publish-share',
  payload: Type.Object({ shareId: Type.String({ format: 'uuid' }) }),
  handle: async ({ shareId }, context) => publishShare(context, shareId),
});

/** Queues the share's next attempt (keyed per attempt, so a retried enqueue adds none). The share must be "publishing". */
export function enqueueSharePublishing(db: Database, share: Pick<ShareRow, 'id' | 'orgId' | 'publishAttempts'>, runAt = new Date()): Promise<void> {
  return enqueueJob(db, publishShareJob, { shareId: share.id }, { orgId: share.orgId, runAt, key: `advocacy-share-publish:${share.id}:attempt-${share.publishAttempts + 1}` });
}

async function setShare(db: Database, shareId: string, patch: Partial<ShareRow>): Promise<ShareRow> {
  const [row] = await db.update(shares).set({ ...patch, updatedAt: new Date() }).where(eq(shares.id, shareId)).returning();
  return row!;
}

const publisher = (share: ShareRow) => systemActor(share.orgId, 'publisher');

export async function publishShare(context: JobContext, shareId: string): Promise<void> {
  const { db } = context;
  const [share] = await db.select().from(shares).where(and(eq(shares.id, shareId), eq(shares.status, 'publishing')));
  if (!share) return;
  const [account] = share.accountId ? await db.select().from(advocateAccounts).where(eq(advocateAccounts.id, share.accountId)) : [];
  if (!account || !isConnected(account)) return fail(db, share, 'The account this share was to go out through was removed; share the story again.');
  if (!context.http || !context.config) throw new Error('the worker has no outbound HTTP client and settings to publish with');
  const access: AccountAccess = { http: context.http, secrets: context.config, signal: context.signal };
  let credential;
  try {
    credential = openCredential(secretBoxFor(access.secrets), account.id, account.credential!);
  } catch (error) {
    if (error instanceof AppError) return fail(db, share, error.message);
    throw error;
  }
  const reach = await followersAtShareTime(db, access, account);
  const attempt = await setShare(db, share.id, { publishAttempts: share.publishAttempts + 1, reach });
  let published: PublishedReply;
  try {
    published = await publishThroughAccount(access, account, credential, { text: share.text, idempotencyKey: share.id });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    return recordFailure(db, attempt, error);
  }
  await recordPublished(db, attempt, published);
}

async function recordPublished(db: Database, share: ShareRow, published: PublishedReply): Promise<void> {
  await db.transaction(async (tx) => {
    await setShare(tx, share.id, {
      status: 'published', publishedExternalId: published.externalId, publishedUrl: published.url ?? null, publishedAt: new Date(published.publishedAt), lastError: null,
    });
    await awardPoints(tx, await advocacySettingsOf(tx, share.orgId), { orgId: share.orgId, personId: share.personId, action: 'share', refId: share.id });
    await recordAudit(tx, publisher(share), {
      action: 'share.published', targetType: 'share', targetId: share.id,
      after: { network: share.network, externalId: published.externalId, url: published.url ?? null, publishedAt: published.publishedAt, attempts: share.publishAttempts, alreadyPublished: published.alreadyPublished ?? false, reach: share.reach },
    });
  });
}

async function recordFailure(db: Database, share: ShareRow, error: ConnectorError): Promise<void> {
  const nextAttemptAt = nextPublishAttemptAt(error, share.publishAttempts);
  await db.transaction(async (tx) => {
    const lastError = nextAttemptAt
      ? `Not published yet (attempt ${share.publishAttempts}); trying again at ${nextAttemptAt.toISOString().slice(11, 16)} UTC: ${error.message}`
      : error.message;
    await setShare(tx, share.id, { status: nextAttemptAt ? 'publishing' : 'failed', lastError });
    // Credentials the network refused need the person: the account says so too.
    if (error.kind === 'forbidden' && share.accountId) await tx.update(advocateAccounts).set({ lastError: error.message, updatedAt: new Date() }).where(eq(advocateAccounts.id, share.accountId));
    await recordAudit(tx, publisher(share), {
      action: nextAttemptAt ? 'share.publish-retrying' : 'share.publish-failed', targetType: 'share', targetId: share.id,
      after: { error: error.message, kind: error.kind, attempts: share.publishAttempts, nextAttemptAt },
    });
    if (nextAttemptAt) await enqueueSharePublishing(tx, share, nextAttemptAt);
  });
}

/** A share that cannot be attempted at all (its account is gone or its credential unreadable). */
async function fail(db: Database, share: ShareRow, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    await setShare(tx, share.id, { status: 'failed', lastError: reason });
    await recordAudit(tx, publisher(share), { action: 'share.publish-failed', targetType: 'share', targetId: share.id, after: { error: reason, attempts: share.publishAttempts } });
  });
}
