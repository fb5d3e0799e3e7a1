// When someone leaves (or is removed), their open conversations go back through
// assignment in their spoke: to a colleague who can take them, else to the queue.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conversationStates } from '../routing.schema.ts';
import { candidatesInSpoke, chooseWithinCapacity } from '../assignment/assign-in-spoke.ts';
import { recordConversationEvent } from './conversation-timeline.ts';
import { announceChange } from './conversation-alerts.ts';
import { assignPerson } from './assign-person.ts';

const UNSETTLED = ['new', 'assigned', 'waiting'] as const;

export async function rerouteWorkOf(db: Database, orgId: string, personId: string, now = new Date()): Promise<number> {
  // A removed person's rows lost their assignee (set null) but still say "assigned".
  const orphaned = await db.select({ id: conversationStates.conversationId }).from(conversationStates).where(and(
    eq(conversationStates.orgId, orgId), inArray(conversationStates.status, [...UNSETTLED]),
    or(eq(conversationStates.assigneeId, personId), and(isNull(conversationStates.assigneeId), eq(conversationStates.status, 'assigned'))),
  ));
  for (const { id } of orphaned) {
    await db.transaction(async (tx) => {
      const [state] = await tx.select().from(conversationStates).where(eq(conversationStates.conversationId, id)).for('update');
      if (!state || (state.assigneeId !== null && state.assigneeId !== personId)) return;
      const [released] = await tx.update(conversationStates).set({ assigneeId: null, assignedAt: null, status: state.status === 'assigned' ? 'new' : state.status, updatedAt: now })
        .where(eq(conversationStates.conversationId, id)).returning();
      const choice = released!.spokeId
        ? await chooseWithinCapacity(tx, orgId, (await candidatesInSpoke(tx, orgId, released!.spokeId, state.authorHandle)).filter((c) => c.personId !== personId), { skillTopics: [], language: null, minimumCertification: 0 }, now)
        : null;
      const reasons = ['the previous assignee left', ...(choice?.reasons ?? ['it waits in the hub\'s queue'])];
      const final = choice?.personId ? await assignPerson(tx, released!, choice.personId, { kind: 'assigned', actorPersonId: null, reasons }) : released!;
      if (!choice?.personId) await recordConversationEvent(tx, orgId, id, 'queued', { reasons });
      await announceChange(tx, { orgId, conversationId: id, spokeId: final.spokeId, assigneeId: final.assigneeId });
    });
  }
  return orphaned.length;
}
