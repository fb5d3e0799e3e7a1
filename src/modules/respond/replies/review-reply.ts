// The approver's decision on a high-risk reply: approve (and it is published, unless
// the customer wrote again since it was written: then the approval cannot stand),
// request changes with a comment (optionally on a span of the text), or reject.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { conversationStateOf, type ConversationState } from '../../routing/index.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import { replies, replyReviews, type ReplyStatus, type ReviewDecision } from '../respond.schema.ts';
import { publishingRouteOf } from '../publishing/publishing-route.ts';
import { publishReplyJob } from '../publishing/publish-reply.job.ts';
import { replyTargetOf } from '../../listening/index.ts';
import { replyFor, viewReplies, type ReplyRow, type ReplyView } from './reply-views.ts';
import { tellAuthor } from './reply-alerts.ts';

export interface ReviewInput { decision: ReviewDecision; comment?: string; span?: { start: number; end: number } }

/** Why an approval given now, or earlier, no longer holds; null when it does. */
export function approvalLapse(reply: Pick<ReplyRow, 'customerLastSeenAt' | 'approvedAt'>, state: ConversationState | undefined, validHours: number, now = new Date()): string | null {
  if (!state || state.mergedInto) return 'the conversation was merged into another';
  if (state.lastCustomerAt.getTime() > reply.customerLastSeenAt.getTime()) return 'the customer wrote again after this reply was written';
  if (reply.approvedAt && now.getTime() - reply.approvedAt.getTime() > validHours * 3_600_000) return `the approval is more than ${validHours} hours old`;
  return null;
}

function validateReview(input: ReviewInput, text: string): void {
  if (input.decision !== 'approved' && !input.comment?.trim()) throw invalid([{ field: 'body.comment', message: 'say what should change, or why it is rejected' }]);
  if (input.span && (input.span.start < 0 || input.span.end > text.length || input.span.start >= input.span.end)) {
    throw invalid([{ field: 'body.span', message: `must lie within the text (0–${text.length}) and not be empty` }]);
  }
}

async function statusOnApproval(tx: Database, reply: ReplyRow): Promise<ReplyStatus> {
  const target = await replyTargetOf(tx, reply.orgId, reply.inReplyToMentionId);
  if (!target) throw notFound('The post this reply answers');
  return publishingRouteOf(target.sourceKind, target.sourceConfig) === 'api' ? 'approved' : 'awaiting_manual';
}

async function decide(tx: Database, actor: Actor, reply: ReplyRow, state: ConversationState | undefined, input: ReviewInput, validHours: number): Promise<ReplyRow> {
  const now = new Date();
  const lapse = input.decision === 'approved' ? approvalLapse({ ...reply, approvedAt: now }, state, validHours, now) : null;
  const status: ReplyStatus = lapse ? 'expired' : input.decision === 'approved' ? await statusOnApproval(tx, reply) : input.decision;
  const approved = status === 'approved' || status === 'awaiting_manual';
  const [row] = await tx.update(replies).set({ status, approvedBy: approved ? actor.personId : null, approvedAt: approved ? now : null, lastError: lapse, updatedAt: now })
    .where(and(eq(replies.id, reply.id), eq(replies.status, 'pending_approval'))).returning();
  if (!row) throw conflict('Someone decided on this reply a moment ago; reload the queue.');
  await tx.insert(replyReviews).values({
    orgId: actor.orgId, replyId: reply.id, reviewerId: actor.personId, decision: lapse ? 'changes_requested' : input.decision,
    comment: lapse ? `Approval not possible: ${lapse}.` : input.comment?.trim() ?? '', span: input.span ?? null, reviewedText: reply.text,
  });
  return row;
}

const authorMessage: Record<ReplyStatus, string> = {
  approved: 'Your reply was approved and is being published', awaiting_manual: 'Your reply was approved: copy it, post it and confirm',
  changes_requested: 'Changes were requested on your reply', rejected: 'Your reply was rejected', expired: 'Your reply needs another look before it can be approved',
  pending_approval: '', publishing: '', published: '', failed: '',
};

export async function reviewReply(db: Database, actor: Actor, replyId: string, input: ReviewInput, validHours: number): Promise<ReplyView> {
  const decided = await db.transaction(async (tx) => {
    const { reply, spokeId } = await replyFor(tx, actor, replyId, true);
    requireAccess(actor, 'replies.approve', { spokeId });
    if (reply.authorId === actor.personId) throw forbidden('Someone else must approve your reply.');
    if (reply.status !== 'pending_approval') throw conflict(`This reply is ${reply.status.replace('_', ' ')}, not waiting for approval.`);
    validateReview(input, reply.text);
    const state = await conversationStateOf(tx, actor.orgId, reply.conversationId);
    const row = await decide(tx, actor, reply, state, input, validHours);
    await recordAudit(tx, actor, {
      action: 'reply.reviewed', targetType: 'reply', targetId: reply.id,
      before: { status: reply.status }, after: { status: row.status, decision: input.decision, comment: input.comment ?? '', span: input.span ?? null, policyVersion: reply.policyVersion, lapse: row.lastError },
    });
    if (row.status === 'approved') await enqueueJob(tx, publishReplyJob, { replyId: row.id }, { orgId: row.orgId, key: `reply-publish:${row.id}:${row.updatedAt.getTime()}` });
    if (state) await tellAuthor(tx, state, row, authorMessage[row.status], input.comment ?? row.lastError ?? '');
    return row;
  });
  return (await viewReplies(db, actor.orgId, [decided]))[0]!;
}
