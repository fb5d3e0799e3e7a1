// Telling people about a conversation: a notification for each person (in the app,
// by e-mail as they prefer), the rule's channels, and a live event so every inbox
// that shows the conversation refreshes. All inside the change's transaction.
import type { Database } from '../../../db/index.ts';
import { notifyChannels, notifyPeople } from '../notifications/index.ts';
import { publishLive } from '../live/index.ts';
import { conversationParticipants } from '../routing.schema.ts';
import { eq } from 'drizzle-orm';

export interface ConversationRef { orgId: string; conversationId: string; spokeId: string | null; assigneeId: string | null }

/** Every inbox showing the conversation refreshes once the transaction commits. */
export async function announceChange(tx: Database, conversation: ConversationRef): Promise<void> {
  const participants = await tx.select({ personId: conversationParticipants.personId }).from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, conversation.conversationId));
  await publishLive(tx, {
    orgId: conversation.orgId, type: 'conversation.changed', conversationId: conversation.conversationId,
    spokeId: conversation.spokeId, assigneeId: conversation.assigneeId, participantIds: participants.map((p) => p.personId),
  });
}

export async function tellPeople(tx: Database, conversation: ConversationRef, personIds: readonly string[], kind: string, title: string, body = ''): Promise<void> {
  const distinct = [...new Set(personIds)];
  if (distinct.length === 0) return;
  await notifyPeople(tx, conversation.orgId, { personIds: distinct, kind, conversationId: conversation.conversationId, title, body });
}

export async function tellChannels(tx: Database, conversation: ConversationRef, channelIds: readonly string[], title: string, text: string): Promise<void> {
  if (channelIds.length === 0) return;
  await notifyChannels(tx, conversation.orgId, [...channelIds], { title, text, url: `/inbox/${conversation.conversationId}` });
}
