// Giving a conversation to a person, by routing, a lead, a transfer or a claim: never
// past their capacity (they are locked and counted first), recorded with its reasons,
// and told to them.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, invalid } from '../../../errors.ts';
import { staffByIds } from '../../people/index.ts';
import { conversationStates } from '../routing.schema.ts';
import { lockedOpenCount } from '../assignment/assign-in-spoke.ts';
import { recordConversationEvent, type ConversationEventKind } from './conversation-timeline.ts';
import { tellPeople } from './conversation-alerts.ts';
import type { ConversationState } from './conversation-access.ts';

export async function assignPerson(
  tx: Database, state: ConversationState, personId: string, how: { kind: ConversationEventKind; actorPersonId: string | null; reasons: string[]; note?: string },
): Promise<ConversationState> {
  const [person] = await staffByIds(tx, state.orgId, [personId]);
  if (!person) throw invalid([{ field: 'body.personId', message: 'is not a person of this organization' }]);
  if (person.status !== 'active') throw conflict(`${person.name} is ${person.status} and cannot take conversations.`);
  if (state.assigneeId !== personId && await lockedOpenCount(tx, state.orgId, personId) >= person.capacity) {
    throw conflict(`${person.name} already has ${person.capacity} open conversations, their capacity.`);
  }
  const now = new Date();
  const [updated] = await tx.update(conversationStates).set({
    assigneeId: personId, assignedAt: now, status: state.status === 'new' ? 'assigned' : state.status, updatedAt: now,
  }).where(eq(conversationStates.conversationId, state.conversationId)).returning();
  await recordConversationEvent(tx, state.orgId, state.conversationId, how.kind, { personId, name: person.name, reasons: how.reasons, ...(how.note && { note: how.note }) }, how.actorPersonId);
  if (personId !== how.actorPersonId) {
    await tellPeople(tx, { orgId: state.orgId, conversationId: state.conversationId, spokeId: updated!.spokeId, assigneeId: personId }, [personId], 'assigned', 'A conversation was assigned to you', how.note ?? how.reasons.join('; '));
  }
  return updated!;
}
