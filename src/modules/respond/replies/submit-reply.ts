// Sending a reply: judged again at send (the live check is advice; this is the rule),
// refused while it breaks the policy or the network's limits or the writer may not
// reply publicly; then straight to publishing when low-risk, or to the approvers.
// Revising after "request changes" (or an approval that lapsed) goes the same way.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { AppError, conflict, forbidden, invalid } from '../../../errors.ts';
import { recordAudit, type Actor } from '../../people/index.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import { replies, type ReplyStatus } from '../respond.schema.ts';
import { judgeReply, type ReplyJudgement } from './judge-reply.ts';
import { replySituation, type ReplySituation } from './reply-situation.ts';
import { replyFor, viewReplies, type ReplyRow, type ReplyView } from './reply-views.ts';
import { askForApproval, tellAuthor } from './reply-alerts.ts';
import { publishReplyJob } from '../publishing/publish-reply.job.ts';

export interface ReplyInput { text: string; inReplyToMentionId?: string; startedFrom?: string }
export interface SubmittedReply { reply: ReplyView; judgement: ReplyJudgement }

const OPEN_STATUSES: ReplyStatus[] = ['pending_approval', 'approved', 'publishing', 'awaiting_manual'];
const REVISABLE: ReplyStatus[] = ['changes_requested', 'expired', 'failed'];

function assertSendable(text: string, judgement: ReplyJudgement): void {
  if (text.length === 0) throw invalid([{ field: 'body.text', message: 'is empty' }]);
  if (!judgement.permission.allowed) throw forbidden(`You may not reply publicly yet: ${judgement.permission.missing.join('; ')}.`);
  if (judgement.blocked) {
    const blocking = judgement.findings.filter((finding) => finding.severity === 'block');
    throw new AppError('REPLY_BLOCKED', `The reply cannot be sent as written: ${blocking.map((f) => f.message).join(' ')}`, { findings: blocking });
  }
}

/** Low-risk replies go out at once (through the network's API, or for the writer to send by hand); high-risk ones wait. */
function statusAfterJudgement(judgement: ReplyJudgement): ReplyStatus {
  if (judgement.risk.tier === 'high') return 'pending_approval';
  return judgement.publishing === 'api' ? 'approved' : 'awaiting_manual';
}

function judgedFields(situation: ReplySituation, judgement: ReplyJudgement, text: string) {
  return {
    text, network: judgement.network, status: statusAfterJudgement(judgement), riskTier: judgement.risk.tier, riskReasons: judgement.risk.reasons,
    policyVersion: judgement.policyVersion, findings: judgement.findings, customerLastSeenAt: situation.state.lastCustomerAt,
    approvedBy: null, approvedAt: null, lastError: null, nextAttemptAt: null, updatedAt: new Date(),
  };
}

/** After it is stored: publish, ask the approvers, or tell the author it is theirs to send. */
async function setInMotion(tx: Database, actor: Actor, situation: ReplySituation, reply: ReplyRow, action: string): Promise<void> {
  await recordAudit(tx, actor, {
    action, targetType: 'reply', targetId: reply.id,
    after: { conversationId: reply.conversationId, text: reply.text, policyVersion: reply.policyVersion, findings: reply.findings.map(({ ruleId, severity, span }) => ({ ruleId, severity, span })), riskTier: reply.riskTier, riskReasons: reply.riskReasons, status: reply.status },
  });
  if (reply.status === 'approved') await enqueueJob(tx, publishReplyJob, { replyId: reply.id }, { orgId: reply.orgId, key: `reply-publish:${reply.id}:${reply.updatedAt.getTime()}` });
  else if (reply.status === 'pending_approval') await askForApproval(tx, situation.state, reply, actor.label);
  else await tellAuthor(tx, situation.state, reply, 'Your reply is ready to send: copy it and post it on the network, then confirm');
}

export async function submitReply(db: Database, actor: Actor, conversationId: string, input: ReplyInput): Promise<SubmittedReply> {
  const text = input.text.trim();
  const situation = await replySituation(db, actor, conversationId, input.inReplyToMentionId);
  const judgement = judgeReply(actor, situation, text);
  assertSendable(text, judgement);
  const reply = await db.transaction(async (tx) => {
    const [open] = await tx.select({ id: replies.id }).from(replies).where(and(
      eq(replies.conversationId, conversationId), eq(replies.authorId, actor.personId!), inArray(replies.status, OPEN_STATUSES),
    )).limit(1);
    if (open) throw conflict('You already have a reply on its way in this conversation; wait for it, or revise it if changes are requested.', { replyId: open.id });
    const [row] = await tx.insert(replies).values({
      orgId: actor.orgId, conversationId, inReplyToMentionId: situation.target.mentionId, authorId: actor.personId!, startedFrom: input.startedFrom ?? null,
      ...judgedFields(situation, judgement, text),
    }).returning();
    await setInMotion(tx, actor, situation, row!, 'reply.submitted');
    return row!;
  });
  return { reply: (await viewReplies(db, actor.orgId, [reply]))[0]!, judgement };
}

export async function reviseReply(db: Database, actor: Actor, replyId: string, input: { text: string }): Promise<SubmittedReply> {
  const { reply: before } = await replyFor(db, actor, replyId);
  if (before.authorId !== actor.personId) throw forbidden('Only the reply\'s author revises it.');
  if (!REVISABLE.includes(before.status)) throw conflict(`A reply that is ${before.status.replace('_', ' ')} cannot be revised.`);
  const text = input.text.trim();
  const situation = await replySituation(db, actor, before.conversationId, before.inReplyToMentionId);
  const judgement = judgeReply(actor, situation, text);
  assertSendable(text, judgement);
  const reply = await db.transaction(async (tx) => {
    const [row] = await tx.update(replies).set(judgedFields(situation, judgement, text))
      .where(and(eq(replies.id, replyId), inArray(replies.status, REVISABLE))).returning();
    if (!row) throw conflict('The reply changed while you revised it; reload it.');
    await setInMotion(tx, actor, situation, row, 'reply.revised');
    return row;
  });
  return { reply: (await viewReplies(db, actor.orgId, [reply]))[0]!, judgement };
}

/** The live check while typing: the same judgement, nothing stored. */
export async function checkReplyDraft(db: Database, actor: Actor, conversationId: string, input: { text: string; inReplyToMentionId?: string }): Promise<ReplyJudgement> {
  return judgeReply(actor, await replySituation(db, actor, conversationId, input.inReplyToMentionId), input.text);
}
