// Replies as people see them: on a conversation (its authors and reviewers see how
// each reply fared), in the approval queue, and one at a time with its reviews.
import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { notFound } from '../../../errors.ts';
import { can, staffByIds, type Actor } from '../../people/index.ts';
import { conversationStateOf, spokesOfConversations, visibleConversation } from '../../routing/index.ts';
import { replies, replyReviews, type ReplyStatus } from '../respond.schema.ts';

export type ReplyRow = typeof replies.$inferSelect;

async function withNames(db: Database, orgId: string, rows: ReplyRow[]) {
  const ids = rows.map((r) => r.id);
  const reviews = ids.length === 0 ? [] : await db.select().from(replyReviews).where(inArray(replyReviews.replyId, ids)).orderBy(asc(replyReviews.id));
  const personIds = [...new Set([...rows.flatMap((r) => [r.authorId, ...(r.approvedBy ? [r.approvedBy] : [])]), ...reviews.flatMap((r) => (r.reviewerId ? [r.reviewerId] : []))])];
  const names = new Map((await staffByIds(db, orgId, personIds)).map((p) => [p.personId, p.name]));
  return rows.map(({ orgId: _org, ...reply }) => ({
    ...reply,
    authorName: names.get(reply.authorId) ?? '',
    approvedByName: reply.approvedBy ? names.get(reply.approvedBy) ?? '' : null,
    reviews: reviews.filter((review) => review.replyId === reply.id).map(({ orgId: _o, replyId: _r, ...review }) => ({
      ...review, reviewerName: review.reviewerId ? names.get(review.reviewerId) ?? '' : null,
    })),
  }));
}
export type ReplyView = Awaited<ReturnType<typeof withNames>>[number];

export async function viewReplies(db: Database, orgId: string, rows: ReplyRow[]): Promise<ReplyView[]> {
  return withNames(db, orgId, rows);
}

export async function repliesOfConversation(db: Database, actor: Actor, conversationId: string): Promise<ReplyView[]> {
  // Seeing the conversation is enough to see its replies (analysts only look).
  await visibleConversation(db, actor, conversationId);
  const rows = await db.select().from(replies).where(and(eq(replies.orgId, actor.orgId), eq(replies.conversationId, conversationId))).orderBy(asc(replies.createdAt)).limit(200);
  return withNames(db, actor.orgId, rows);
}

/** A reply its author, or someone who may approve replies in its conversation's spoke, may see. */
export async function replyFor(db: Database, actor: Actor, replyId: string, lock = false): Promise<{ reply: ReplyRow; spokeId: string | null }> {
  const query = db.select().from(replies).where(and(eq(replies.orgId, actor.orgId), eq(replies.id, replyId)));
  const [reply] = lock ? await query.for('update') : await query;
  const state = reply ? await conversationStateOf(db, actor.orgId, reply.conversationId) : undefined;
  const spokeId = state?.spokeId ?? null;
  if (!reply || (reply.authorId !== actor.personId && !can(actor, 'replies.approve', { spokeId }) && !can(actor, 'conversations.all'))) throw notFound('Reply');
  return { reply, spokeId };
}

export interface ApprovalQueueQuery { status?: ReplyStatus; limit: number; cursor?: string }

/** Replies waiting for a decision the actor may take: all for PR leads, their spokes' for spoke leads. Oldest first. */
export async function approvalQueue(db: Database, actor: Actor, query: ApprovalQueueQuery) {
  const conditions: (SQL | undefined)[] = [eq(replies.orgId, actor.orgId), eq(replies.status, query.status ?? 'pending_approval')];
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    conditions.push(or(gt(replies.createdAt, new Date(createdAt!)), and(eq(replies.createdAt, new Date(createdAt!)), gt(replies.id, String(id)))));
  }
  // A queue is short; read a generous window and keep what this approver may decide.
  const rows = await db.select().from(replies).where(and(...conditions)).orderBy(asc(replies.createdAt), asc(replies.id)).limit(1000);
  const spokes = await spokesOfConversations(db, actor.orgId, [...new Set(rows.map((row) => row.conversationId))]);
  const mine = rows.filter((row) => can(actor, 'replies.approve', { spokeId: spokes.get(row.conversationId) ?? null })).slice(0, query.limit + 1);
  const page = mine.slice(0, query.limit);
  const last = page.at(-1);
  return { items: await withNames(db, actor.orgId, page), nextCursor: mine.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}
