// Writing a conversation's timeline: every routing decision, assignment, note and
// clock event is one row, in the transaction of the change it records, with the
// milestones among them (routed, replied, status) published to the modules above.
import { and, asc, eq } from 'drizzle-orm';
import { insertRows, type Database } from '../../../db/index.ts';
import { conversationEvents, type conversationEventKinds } from '../routing.schema.ts';
import { publishMilestones } from './conversation-milestones.ts';

export type ConversationEventKind = (typeof conversationEventKinds)[number];

export async function recordConversationEvent(
  db: Database, orgId: string, conversationId: string, kind: ConversationEventKind, details: Record<string, unknown>, actorPersonId: string | null = null,
): Promise<void> {
  await recordConversationEvents(db, [{ orgId, conversationId, kind, details, actorPersonId }]);
}

/** Many at once, as a routed batch records its decisions: one statement. */
export async function recordConversationEvents(db: Database, events: (typeof conversationEvents.$inferInsert)[]): Promise<void> {
  if (events.length === 0) return;
  await db.execute(insertRows(conversationEvents, events.map(({ orgId, conversationId, kind, details, actorPersonId }) => ({
    orgId, conversationId, kind, details: details ?? {}, actorPersonId: actorPersonId ?? null,
  }))));
  await publishMilestones(db, events);
}

export async function timelineOf(db: Database, orgId: string, conversationId: string) {
  return db.select({ id: conversationEvents.id, at: conversationEvents.at, kind: conversationEvents.kind, actorPersonId: conversationEvents.actorPersonId, details: conversationEvents.details })
    .from(conversationEvents).where(and(eq(conversationEvents.orgId, orgId), eq(conversationEvents.conversationId, conversationId)))
    .orderBy(asc(conversationEvents.id)).limit(1000);
}
