// Publishing a reply through its source's connector, exactly once. The reply is marked
// "publishing" (committed) before the network is called, and every attempt carries the
// reply's id as the idempotency key: if the process dies between "sent" and "recorded",
// the job's lease runs out, another worker runs it again, and the network answers with
// the copy it already holds instead of publishing a second. Failures the network may
// recover from are retried with backoff (its Retry-After where it gives one) and shown
// to the author; the rest fail with the network's reason.
import { Type } from 'typebox';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { defineJob, enqueueJob, publishEvent, retryDelayMs, type JobContext } from '../../../jobs/index.ts';
import { ConnectorError, connectorFor, createSmtpMailSender, type PublishedReply } from '../../../connectors/index.ts';
import { recordAudit, systemActor } from '../../people/index.ts';
import { replyTargetOf, type ReplyTarget } from '../../listening/index.ts';
import { conversationStateOf, recordAnswer } from '../../routing/index.ts';
import { replies } from '../respond.schema.ts';
import { replyPublished } from '../respond.events.ts';
import { riskSettingsOf } from '../risk/risk-settings-store.ts';
import { approvalLapse } from '../replies/review-reply.ts';
import { tellAuthor } from '../replies/reply-alerts.ts';
import type { ReplyRow } from '../replies/reply-views.ts';

/** Attempts at the network before the reply is reported as failed. */
export const MAX_PUBLISH_ATTEMPTS = 6;
/**
 * The longest wait before the next attempt, whatever the network's rate limit says:
 * Mastodon remembers an Idempotency-Key for about an hour, so an attempt whose answer
 * was lost must be retried well within that, or the retry could publish a second copy.
 */
export const MAX_RETRY_WAIT_MS = 30 * 60_000;

/**
 * When to try again after a failed attempt (the network's own wait where it names one,
 * else the queue's backoff, never past MAX_RETRY_WAIT_MS), or null when the failure is
 * final: the network refused the content or the credentials, or the attempts ran out.
 */
export function nextPublishAttemptAt(error: ConnectorError, attemptsMade: number, now = Date.now()): Date | null {
  if (!error.retryable || attemptsMade >= MAX_PUBLISH_ATTEMPTS) return null;
  return new Date(now + Math.min(MAX_RETRY_WAIT_MS, Math.max(error.retryAfterMs ?? 0, retryDelayMs(attemptsMade))));
}

const PublishReplyPayload = Type.Object({ replyId: Type.String({ format: 'uuid' }) });

export const publishReplyJob = defineJob({
  kind: 'respond.publish-reply',
  payload: PublishReplyPayload,
  handle: async ({ replyId }, context) => publishReply(context, replyId),
});

async function setReply(db: Database, replyId: string, patch: Partial<ReplyRow>): Promise<ReplyRow> {
  const [row] = await db.update(replies).set({ ...patch, updatedAt: new Date() }).where(eq(replies.id, replyId)).returning();
  return row!;
}

async function tellAuthorOf(db: Database, reply: ReplyRow, title: string, body?: string): Promise<void> {
  const state = await conversationStateOf(db, reply.orgId, reply.conversationId);
  if (state) await tellAuthor(db, state, reply, title, body);
}

/** An approval judged a moment that has passed: the author looks again. Only before any attempt, since after one the reply may be out. */
async function expiredApproval(db: Database, reply: ReplyRow): Promise<boolean> {
  if (!reply.approvedBy || reply.publishAttempts > 0) return false;
  const settings = await riskSettingsOf(db, reply.orgId);
  const lapse = approvalLapse(reply, await conversationStateOf(db, reply.orgId, reply.conversationId), settings.approvalValidHours);
  if (!lapse) return false;
  await db.transaction(async (tx) => {
    const expired = await setReply(tx, reply.id, { status: 'expired', lastError: `The approval lapsed: ${lapse}.` });
    await recordAudit(tx, systemActor(reply.orgId, 'publisher'), { action: 'reply.approval-expired', targetType: 'reply', targetId: reply.id, after: { lapse, policyVersion: reply.policyVersion } });
    await tellAuthorOf(tx, expired, 'Your approved reply was not published', `The approval lapsed: ${lapse}. Look at the conversation again and resubmit.`);
  });
  return true;
}

async function sendThroughConnector(context: JobContext, reply: ReplyRow, target: ReplyTarget): Promise<PublishedReply> {
  const connector = connectorFor(target.sourceKind)!;
  if (!context.http) throw new Error('the worker has no outbound HTTP client to publish with');
  const mailUrl = context.config?.mailUrl;
  return connector.reply!({
    config: connector.parseConfig(target.sourceConfig), http: context.http, signal: context.signal, now: () => new Date(),
    ...(mailUrl && { mail: createSmtpMailSender(mailUrl) }),
  }, {
    text: reply.text, idempotencyKey: reply.id,
    inReplyTo: { externalId: target.externalId, url: target.url ?? undefined, raw: target.raw, authorHandle: target.authorHandle ?? undefined, title: target.title ?? undefined },
  });
}

async function recordPublished(db: Database, reply: ReplyRow, published: PublishedReply): Promise<void> {
  await db.transaction(async (tx) => {
    const publishedAt = new Date(published.publishedAt);
    const done = await setReply(tx, reply.id, {
      status: 'published', publishedExternalId: published.externalId, publishedUrl: published.url ?? null, publishedAt, lastError: null, nextAttemptAt: null,
    });
    await recordAnswer(tx, reply.orgId, reply.conversationId, { replyId: reply.id, authorId: reply.authorId, publishedAt, url: done.publishedUrl, network: reply.network });
    await publishEvent(tx, replyPublished, { replyId: reply.id, conversationId: reply.conversationId, authorId: reply.authorId, network: reply.network, publishedAt: publishedAt.toISOString() }, { orgId: reply.orgId });
    await recordAudit(tx, systemActor(reply.orgId, 'publisher'), {
      action: 'reply.published', targetType: 'reply', targetId: reply.id,
      after: { externalId: published.externalId, url: published.url ?? null, publishedAt: published.publishedAt, attempts: reply.publishAttempts, alreadyPublished: published.alreadyPublished ?? false, policyVersion: reply.policyVersion },
    });
    await tellAuthorOf(tx, done, 'Your reply is published', done.publishedUrl ?? done.text);
  });
}

async function recordFailure(db: Database, reply: ReplyRow, error: ConnectorError): Promise<void> {
  const nextAttemptAt = nextPublishAttemptAt(error, reply.publishAttempts);
  const retry = nextAttemptAt !== null;
  await db.transaction(async (tx) => {
    const row = await setReply(tx, reply.id, { status: retry ? 'approved' : 'failed', lastError: error.message, nextAttemptAt });
    await recordAudit(tx, systemActor(reply.orgId, 'publisher'), {
      action: retry ? 'reply.publish-retrying' : 'reply.publish-failed', targetType: 'reply', targetId: reply.id,
      after: { error: error.message, kind: error.kind, attempts: reply.publishAttempts, nextAttemptAt, policyVersion: reply.policyVersion },
    });
    if (retry) await enqueueJob(tx, publishReplyJob, { replyId: reply.id }, { orgId: reply.orgId, runAt: nextAttemptAt!, key: `reply-publish:${reply.id}:attempt-${reply.publishAttempts + 1}` });
    await tellAuthorOf(tx, row, retry ? `Your reply is not published yet; trying again at ${nextAttemptAt!.toISOString().slice(11, 16)} UTC` : 'Your reply could not be published', error.message);
  });
}

export async function publishReply(context: JobContext, replyId: string): Promise<void> {
  const { db } = context;
  const [reply] = await db.select().from(replies).where(and(eq(replies.id, replyId), inArray(replies.status, ['approved', 'publishing'])));
  if (!reply || await expiredApproval(db, reply)) return;
  const target = await replyTargetOf(db, reply.orgId, reply.inReplyToMentionId);
  if (!target?.sourceKind || !connectorFor(target.sourceKind)?.reply) {
    await setReply(db, reply.id, { status: 'awaiting_manual' });
    return;
  }
  const attempt = await setReply(db, reply.id, { status: 'publishing', publishAttempts: reply.publishAttempts + 1 });
  try {
    await recordPublished(db, attempt, await sendThroughConnector(context, attempt, target));
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    await recordFailure(db, attempt, error);
  }
}
