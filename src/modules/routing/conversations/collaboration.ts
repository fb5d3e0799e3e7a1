// Breaking the silos: private notes that pull colleagues from any spoke in with an
// @mention, and "ask an expert", which tells everyone with a skill and lets the
// first who accepts join the conversation.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { peopleWithSkill, requireAccess, staffByIds, type Actor } from '../../people/index.ts';
import { conversationParticipants, conversationStates, expertRequests } from '../routing.schema.ts';
import { recordConversationEvent } from './conversation-timeline.ts';
import { announceChange, tellPeople } from './conversation-alerts.ts';
import { changeConversation } from './conversation-actions.ts';
import type { ConversationState } from './conversation-access.ts';

const refOf = (state: ConversationState) => ({ orgId: state.orgId, conversationId: state.conversationId, spokeId: state.spokeId, assigneeId: state.assigneeId });

async function addParticipants(tx: Database, state: ConversationState, personIds: string[], reason: string): Promise<void> {
  if (personIds.length === 0) return;
  await tx.insert(conversationParticipants).values(personIds.map((personId) => ({ conversationId: state.conversationId, personId, orgId: state.orgId, reason })))
    .onConflictDoNothing();
}

export function addNote(db: Database, actor: Actor, conversationId: string, text: string, mentionPersonIds: string[]) {
  return changeConversation(db, actor, conversationId, async (tx, state) => {
    const mentioned = await staffByIds(tx, state.orgId, [...new Set(mentionPersonIds)]);
    if (mentioned.length !== new Set(mentionPersonIds).size) throw invalid([{ field: 'body.mentionPersonIds', message: 'names someone who is not in this organization' }]);
    await recordConversationEvent(tx, state.orgId, conversationId, 'note', { text, mentionPersonIds: mentioned.map((p) => p.personId), mentionNames: mentioned.map((p) => p.name) }, actor.personId);
    const others = mentioned.map((p) => p.personId).filter((id) => id !== actor.personId);
    await addParticipants(tx, state, others, `mentioned by ${actor.label}`);
    await tellPeople(tx, refOf(state), others, 'mentioned', `${actor.label} mentioned you in a note`, text.slice(0, 300));
    return state;
  });
}

export function askExpert(db: Database, actor: Actor, conversationId: string, skill: string, question: string) {
  return changeConversation(db, actor, conversationId, async (tx, state) => {
    const experts = (await peopleWithSkill(tx, state.orgId, skill)).filter((p) => p.personId !== actor.personId);
    if (experts.length === 0) throw conflict(`Nobody active has the skill "${skill}".`);
    const [request] = await tx.insert(expertRequests).values({ orgId: state.orgId, conversationId, skill, question, requestedBy: actor.personId! }).returning();
    await recordConversationEvent(tx, state.orgId, conversationId, 'expert_requested', { requestId: request!.id, skill, question, asked: experts.length }, actor.personId);
    await tellPeople(tx, refOf(state), experts.map((p) => p.personId), 'expert_request', `${actor.label} asks for an expert in ${skill}`, question);
    return state;
  });
}

/** The first to accept joins; later ones are told it is taken. */
export async function acceptExpertRequest(db: Database, actor: Actor, requestId: string): Promise<ConversationState> {
  requireAccess(actor, 'conversations.work');
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(expertRequests).where(and(eq(expertRequests.id, requestId), eq(expertRequests.orgId, actor.orgId)));
    if (!request) throw notFound('Expert request');
    const [me] = (await peopleWithSkill(tx, actor.orgId, request.skill)).filter((p) => p.personId === actor.personId);
    if (!me) throw conflict(`This request is for people with the skill "${request.skill}".`);
    const [accepted] = await tx.update(expertRequests).set({ acceptedBy: me.personId, acceptedAt: new Date() })
      .where(and(eq(expertRequests.id, requestId), isNull(expertRequests.acceptedBy))).returning();
    if (!accepted) throw conflict('Someone else has already accepted this request.');
    const [state] = await tx.select().from(conversationStates).where(eq(conversationStates.conversationId, request.conversationId));
    await addParticipants(tx, state!, [me.personId], `expert in ${request.skill}`);
    await recordConversationEvent(tx, actor.orgId, request.conversationId, 'expert_joined', { requestId, personId: me.personId, name: me.name, skill: request.skill }, me.personId);
    await tellPeople(tx, refOf(state!), [request.requestedBy], 'expert_joined', `${me.name} joined as an expert in ${request.skill}`);
    await announceChange(tx, refOf(state!));
    return state!;
  });
}
