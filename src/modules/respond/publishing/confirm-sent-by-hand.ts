// "Copy and open" for networks Herd cannot write to: the author posted the reply
// themselves and confirms it, with the post's address when they have it, so the reply
// joins the thread and the response times count from now.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, forbidden } from '../../../errors.ts';
import { publishEvent } from '../../../jobs/index.ts';
import { recordAudit, type Actor } from '../../people/index.ts';
import { recordAnswer } from '../../routing/index.ts';
import { replies } from '../respond.schema.ts';
import { replyPublished } from '../respond.events.ts';
import { replyFor, viewReplies, type ReplyView } from '../replies/reply-views.ts';

export async function confirmSentByHand(db: Database, actor: Actor, replyId: string, input: { url?: string }): Promise<ReplyView> {
  const row = await db.transaction(async (tx) => {
    const { reply } = await replyFor(tx, actor, replyId, true);
    if (reply.authorId !== actor.personId) throw forbidden('Only the reply\'s author confirms that they sent it.');
    if (reply.status !== 'awaiting_manual') throw conflict(`This reply is ${reply.status.replace('_', ' ')}; only a reply waiting to be sent by hand can be confirmed.`);
    const publishedAt = new Date();
    const [done] = await tx.update(replies).set({ status: 'published', publishedAt, publishedUrl: input.url ?? null, publishAttempts: reply.publishAttempts + 1, updatedAt: publishedAt })
      .where(and(eq(replies.id, replyId), eq(replies.status, 'awaiting_manual'))).returning();
    await recordAnswer(tx, reply.orgId, reply.conversationId, { replyId, authorId: reply.authorId, publishedAt, url: input.url ?? null, network: reply.network });
    await publishEvent(tx, replyPublished, { replyId, conversationId: reply.conversationId, authorId: reply.authorId, network: reply.network, publishedAt: publishedAt.toISOString() }, { orgId: reply.orgId });
    await recordAudit(tx, actor, { action: 'reply.sent-by-hand', targetType: 'reply', targetId: replyId, after: { url: input.url ?? null, publishedAt, policyVersion: reply.policyVersion } });
    return done!;
  });
  return (await viewReplies(db, actor.orgId, [row]))[0]!;
}
