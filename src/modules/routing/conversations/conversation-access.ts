// Who sees and works on which conversation: the hub (hub admins, PR leads, analysts)
// sees all; everyone else sees what is assigned to them, what sits in a spoke they
// belong to, and what they were pulled into. Analysts only look.
import { and, eq, exists, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { forbidden, notFound } from '../../../errors.ts';
import { can, requireAccess, type Actor } from '../../people/index.ts';
import { conversationParticipants, conversationStates } from '../routing.schema.ts';

export type ConversationState = typeof conversationStates.$inferSelect;

export const spokesOf = (actor: Actor) => [...new Set(actor.roles.flatMap((grant) => (grant.spokeId ? [grant.spokeId] : [])))];
export const seesEverything = (actor: Actor) => can(actor, 'conversations.all') || can(actor, 'routing.manage');

/** The conversations the actor may see, as a condition on conversation_states (already scoped to the org). */
export function visibleTo(db: Database, actor: Actor): SQL {
  const inOrg = eq(conversationStates.orgId, actor.orgId);
  if (seesEverything(actor)) return inOrg;
  const me = actor.personId ?? '00000000-0000-0000-0000-000000000000';
  const spokes = spokesOf(actor);
  const participant = exists(db.select().from(conversationParticipants).where(and(
    eq(conversationParticipants.conversationId, conversationStates.conversationId), eq(conversationParticipants.personId, me),
  )));
  return and(inOrg, or(eq(conversationStates.assigneeId, me), participant, ...(spokes.length > 0 ? [inArray(conversationStates.spokeId, spokes)] : [])))!;
}

/** The state of a conversation the actor may see (404 otherwise, so ids of others' work are not revealed). */
export async function visibleState(db: Database, actor: Actor, conversationId: string, lock = false): Promise<ConversationState> {
  const query = db.select().from(conversationStates).where(and(eq(conversationStates.conversationId, conversationId), visibleTo(db, actor)));
  const [state] = lock ? await query.for('update') : await query;
  if (!state) throw notFound('Conversation');
  return state;
}

/** A visible conversation the actor may act on, locked for the change. */
export async function workableState(tx: Database, actor: Actor, conversationId: string): Promise<ConversationState> {
  requireAccess(actor, 'conversations.work');
  const state = await visibleState(tx, actor, conversationId, true);
  if (state.mergedInto) throw forbidden('This conversation was merged into another; work on that one.');
  return state;
}
