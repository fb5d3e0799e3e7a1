// One conversation as the person working on it sees it: its state and clocks, the
// whole thread with triage, the author and their history with us, the timeline
// (routing, "why me", notes, SLA events), who was pulled in, and open expert requests.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { can, staffByIds, type Actor } from '../../people/index.ts';
import { authorHistory, conversationThread } from '../../listening/index.ts';
import { triageOfMentions } from '../../triage/index.ts';
import { conversationParticipants, expertRequests } from '../routing.schema.ts';
import { visibleState } from './conversation-access.ts';
import { timelineOf } from './conversation-timeline.ts';
import { inboxItems } from './inbox.ts';

export async function conversationView(db: Database, actor: Actor, conversationId: string) {
  const state = await visibleState(db, actor, conversationId);
  const [[conversation], thread, timeline, participants, requests] = await Promise.all([
    inboxItems(db, actor.orgId, [state]), conversationThread(db, actor.orgId, conversationId), timelineOf(db, actor.orgId, conversationId),
    db.select().from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversationId)),
    db.select().from(expertRequests).where(eq(expertRequests.conversationId, conversationId)),
  ]);
  const triage = new Map((await triageOfMentions(db, actor, thread.map((m) => m.id))).map((t) => [t.mentionId, t]));
  const people = await staffByIds(db, actor.orgId, [...new Set([...timeline.flatMap((e) => (e.actorPersonId ? [e.actorPersonId] : [])), ...participants.map((p) => p.personId)])]);
  const nameOf = new Map(people.map((p) => [p.personId, p.name]));
  const opener = thread[0];
  return {
    conversation: conversation!,
    thread: thread.map((mention) => ({ ...mention, triage: triage.get(mention.id) ?? null })),
    author: opener?.authorHandle
      ? { handle: opener.authorHandle, name: opener.authorName, followers: opener.authorFollowers, history: await authorHistory(db, actor.orgId, opener.authorHandle) }
      : null,
    timeline: timeline.map((event) => ({ ...event, actorName: event.actorPersonId ? nameOf.get(event.actorPersonId) ?? null : null })),
    participants: participants.map((p) => ({ personId: p.personId, name: nameOf.get(p.personId) ?? '', reason: p.reason })),
    expertRequests: requests.map(({ id, skill, question, requestedBy, acceptedBy, createdAt }) => ({ id, skill, question, requestedBy, acceptedBy, createdAt })),
    canWork: can(actor, 'conversations.work') && !state.mergedInto,
  };
}
