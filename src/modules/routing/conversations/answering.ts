// What the module that writes replies (respond) needs from a conversation: whether the
// person may answer it and its state now, a way to tell the people on it, and the
// record that it was answered, which stops the response clocks and waits on the customer.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conversationStates } from '../routing.schema.ts';
import { requireAccess, systemActor, type Actor } from '../../people/index.ts';
import { visibleState, type ConversationState } from './conversation-access.ts';
import { changeConversation, setStatus } from './conversation-actions.ts';
import { recordConversationEvent } from './conversation-timeline.ts';
import { announceChange, tellPeople } from './conversation-alerts.ts';

/** The conversation's state, when the actor may work on it (404 when they may not see it, 403 when they only look). */
export async function conversationToAnswer(db: Database, actor: Actor, conversationId: string): Promise<ConversationState> {
  requireAccess(actor, 'conversations.work');
  return visibleState(db, actor, conversationId);
}

/** The conversation's state when the actor may see it (404 otherwise). */
export function visibleConversation(db: Database, actor: Actor, conversationId: string): Promise<ConversationState> {
  return visibleState(db, actor, conversationId);
}

/** The state as the system sees it (for background publishing), or undefined. */
export async function conversationStateOf(db: Database, orgId: string, conversationId: string): Promise<ConversationState | undefined> {
  return visibleState(db, systemActor(orgId), conversationId).catch(() => undefined);
}

export interface PublishedAnswer { replyId: string; authorId: string; publishedAt: Date; url: string | null; network: string }

/** A reply went out: on the timeline with its response time, and the conversation now waits on the customer. */
export async function recordAnswer(db: Database, orgId: string, conversationId: string, answer: PublishedAnswer): Promise<ConversationState> {
  return changeConversation(db, systemActor(orgId, 'respond'), conversationId, async (tx, state, actor) => {
    const minutesSinceCustomer = Math.max(0, Math.round((answer.publishedAt.getTime() - state.lastCustomerAt.getTime()) / 60_000));
    await recordConversationEvent(tx, orgId, conversationId, 'replied', {
      replyId: answer.replyId, url: answer.url, network: answer.network, minutesSinceCustomer, firstResponse: state.firstRespondedAt === null,
    }, answer.authorId);
    return setStatus('waiting')(tx, state, actor);
  });
}

/** Tell people about something on a conversation (in the app and as they prefer) and refresh every inbox showing it. */
export async function tellAboutConversation(db: Database, state: ConversationState, personIds: readonly string[], message: { kind: string; title: string; body?: string }): Promise<void> {
  const ref = { orgId: state.orgId, conversationId: state.conversationId, spokeId: state.spokeId, assigneeId: state.assigneeId };
  await tellPeople(db, ref, personIds, message.kind, message.title, message.body);
  await announceChange(db, ref);
}

/** Each conversation's spoke (null: the hub's queue), for deciding who may approve what is said in it. */
export async function spokesOfConversations(db: Database, orgId: string, conversationIds: readonly string[]): Promise<Map<string, string | null>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.select({ conversationId: conversationStates.conversationId, spokeId: conversationStates.spokeId }).from(conversationStates)
    .where(and(eq(conversationStates.orgId, orgId), inArray(conversationStates.conversationId, [...conversationIds])));
  return new Map(rows.map((row) => [row.conversationId, row.spokeId]));
}
