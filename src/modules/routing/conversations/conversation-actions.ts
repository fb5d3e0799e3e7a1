// What people do with a conversation: claim it, hand it to someone, transfer it to
// another spoke or person with a note, wait on the customer, resolve, reopen, snooze,
// merge a duplicate, escalate. Each change is checked, locked, recorded on the
// timeline and announced to every inbox showing it.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, forbidden, invalid } from '../../../errors.ts';
import { can, leadsOf, spokeNamesOf, type Actor } from '../../people/index.ts';
import { conversationHeadlines } from '../../listening/index.ts';
import { recordCategoryOutcome, triagedMentionsOf } from '../../triage/index.ts';
import { conversationStates } from '../routing.schema.ts';
import { candidatesInSpoke, chooseWithinCapacity } from '../assignment/assign-in-spoke.ts';
import { seesEverything, workableState, type ConversationState } from './conversation-access.ts';
import { recordConversationEvent } from './conversation-timeline.ts';
import { announceChange, tellPeople } from './conversation-alerts.ts';
import { assignPerson } from './assign-person.ts';

export type Change = (tx: Database, state: ConversationState, actor: Actor) => Promise<ConversationState>;

/** Runs one change on a conversation the actor may work on, in a transaction, and announces it. */
export async function changeConversation(db: Database, actor: Actor, conversationId: string, change: Change): Promise<ConversationState> {
  return db.transaction(async (tx) => {
    const updated = await change(tx, await workableState(tx, actor, conversationId), actor);
    await announceChange(tx, { orgId: updated.orgId, conversationId, spokeId: updated.spokeId, assigneeId: updated.assigneeId });
    return updated;
  });
}

async function update(tx: Database, state: ConversationState, patch: Partial<ConversationState>): Promise<ConversationState> {
  const [row] = await tx.update(conversationStates).set({ ...patch, updatedAt: new Date() }).where(eq(conversationStates.conversationId, state.conversationId)).returning();
  return row!;
}

const leadsHere = (actor: Actor, state: ConversationState) => seesEverything(actor) || can(actor, 'spoke.manage', { spokeId: state.spokeId });

export const claim: Change = async (tx, state, actor) => {
  if (!actor.personId) throw forbidden('Only a person can claim a conversation.');
  if (state.assigneeId === actor.personId) return state;
  if (state.assigneeId && !leadsHere(actor, state)) throw conflict('Someone else already has this conversation; ask them or your spoke lead to hand it over.');
  return assignPerson(tx, state, actor.personId, { kind: 'claimed', actorPersonId: actor.personId, reasons: ['claimed it'] });
};

export const assignTo = (personId: string, note?: string): Change => async (tx, state, actor) => {
  if (!leadsHere(actor, state)) throw forbidden('Only the spoke\'s lead or the hub assigns conversations to others; you can claim it or transfer it.');
  return assignPerson(tx, state, personId, { kind: 'assigned', actorPersonId: actor.personId, reasons: [`assigned by ${actor.label}`], note });
};

/** To another spoke (where routing picks a person unless one is named) and/or to a person, always with a note. */
export const transfer = (target: { spokeId?: string; personId?: string; note: string }): Change => async (tx, state, actor) => {
  let moved = state;
  if (target.spokeId && target.spokeId !== state.spokeId) {
    const names = await spokeNamesOf(tx, state.orgId, [target.spokeId]);
    if (!names.has(target.spokeId)) throw invalid([{ field: 'body.spokeId', message: 'is not a spoke of this organization' }]);
    moved = await update(tx, state, { spokeId: target.spokeId, assigneeId: null, assignedAt: null, status: state.status === 'assigned' ? 'new' : state.status });
  }
  await recordConversationEvent(tx, state.orgId, state.conversationId, 'transferred', { note: target.note, fromSpokeId: state.spokeId, toSpokeId: moved.spokeId, toPersonId: target.personId ?? null }, actor.personId);
  if (target.personId) return assignPerson(tx, moved, target.personId, { kind: 'assigned', actorPersonId: actor.personId, reasons: [`transferred by ${actor.label}`], note: target.note });
  if (moved === state || !moved.spokeId) return moved;
  const choice = await chooseWithinCapacity(tx, state.orgId, await candidatesInSpoke(tx, state.orgId, moved.spokeId, state.authorHandle), { skillTopics: [], language: null, minimumCertification: 0 }, new Date());
  if (choice.personId) return assignPerson(tx, moved, choice.personId, { kind: 'assigned', actorPersonId: null, reasons: choice.reasons, note: target.note });
  await recordConversationEvent(tx, state.orgId, state.conversationId, 'queued', { reasons: choice.reasons, verdicts: choice.verdicts });
  return moved;
};

async function learnFromResolution(tx: Database, state: ConversationState): Promise<void> {
  const [headline] = await conversationHeadlines(tx, state.orgId, [state.conversationId]);
  if (!headline?.openingMentionId) return;
  const [verdict] = await triagedMentionsOf(tx, state.orgId, [headline.openingMentionId]);
  // Resolved where it was sent: the category it had is confirmed as a label to learn from.
  if (verdict?.categoryId) await recordCategoryOutcome(tx, state.orgId, headline.openingMentionId, verdict.categoryId, 'resolved');
}

export const setStatus = (status: 'waiting' | 'resolved' | 'open'): Change => async (tx, state, actor) => {
  const now = new Date();
  const next = status === 'open' ? (state.assigneeId ? 'assigned' : 'new') : status;
  if (next === state.status) return state;
  // Waiting on the customer means they were answered: the response clocks stop.
  const answered = status === 'open' ? {} : { firstRespondedAt: state.firstRespondedAt ?? now, nextResponseDueAt: null };
  const updated = await update(tx, state, { status: next, ...answered, resolvedAt: status === 'resolved' ? now : null, snoozedUntil: null });
  await recordConversationEvent(tx, state.orgId, state.conversationId, 'status', { from: state.status, to: next }, actor.personId);
  if (status === 'resolved') await learnFromResolution(tx, state);
  return updated;
};

export const snooze = (until: Date): Change => async (tx, state, actor) => {
  if (until.getTime() <= Date.now()) throw invalid([{ field: 'body.until', message: 'must be in the future' }]);
  await recordConversationEvent(tx, state.orgId, state.conversationId, 'snoozed', { until: until.toISOString() }, actor.personId);
  return update(tx, state, { snoozedUntil: until });
};

export const mergeInto = (intoConversationId: string): Change => async (tx, state, actor) => {
  if (intoConversationId === state.conversationId) throw invalid([{ field: 'body.intoConversationId', message: 'is this conversation itself' }]);
  const target = await workableState(tx, actor, intoConversationId).catch(() => { throw invalid([{ field: 'body.intoConversationId', message: 'is not a conversation you can work on' }]); });
  await recordConversationEvent(tx, state.orgId, target.conversationId, 'merged', { from: state.conversationId }, actor.personId);
  await recordConversationEvent(tx, state.orgId, state.conversationId, 'merged', { into: target.conversationId }, actor.personId);
  await announceChange(tx, { orgId: target.orgId, conversationId: target.conversationId, spokeId: target.spokeId, assigneeId: target.assigneeId });
  return update(tx, state, { mergedInto: target.conversationId, status: 'resolved', resolvedAt: new Date() });
};

export const escalate = (note: string): Change => async (tx, state, actor) => {
  const level = state.escalationLevel + 1;
  const leads = await leadsOf(tx, state.orgId, level === 1 ? state.spokeId : null);
  const recipients = (leads.length > 0 ? leads : await leadsOf(tx, state.orgId, null)).map((lead) => lead.personId);
  await recordConversationEvent(tx, state.orgId, state.conversationId, 'escalated', { note, level, notified: recipients, by: 'person' }, actor.personId);
  await tellPeople(tx, { orgId: state.orgId, conversationId: state.conversationId, spokeId: state.spokeId, assigneeId: state.assigneeId }, recipients, 'escalated', `${actor.label} escalated a conversation`, note);
  return update(tx, state, { escalationLevel: level });
};
