// The inbox: the conversations a person may see, by view (mine, my spoke, everything,
// escalated, waiting), filtered and searched, sorted by the nearest SLA due time or by
// the customer's latest message, a page at a time; each with its opening mention.
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { forbidden } from '../../../errors.ts';
import { requireAccess, spokeNamesOf, staffByIds, type Actor } from '../../people/index.ts';
import { conversationHeadlines, conversationsMatching } from '../../listening/index.ts';
import { conversationParticipants, conversationStates } from '../routing.schema.ts';
import { seesEverything, spokesOf, visibleTo, type ConversationState } from './conversation-access.ts';

export const inboxViews = ['mine', 'spoke', 'all', 'escalated', 'waiting'] as const;
export interface InboxQuery {
  view: (typeof inboxViews)[number];
  status?: ConversationState['status'];
  spokeId?: string;
  priority?: ConversationState['priority'];
  q?: string;
  sort: 'due' | 'recent';
  cursor?: string;
  limit: number;
}

/** The nearest running clock; a clock already met (first response given) does not count. */
const dueAt = sql<string | null>`least(case when ${conversationStates.firstRespondedAt} is null then ${conversationStates.firstResponseDueAt} end, ${conversationStates.nextResponseDueAt}, ${conversationStates.resolutionDueAt})`;
/** Seconds since the epoch of the nearest due time, no clock last: the keyset of the "due" sort. */
const dueKey = sql<number>`coalesce(extract(epoch from ${dueAt}), 1e12)::float8`;

function viewCondition(db: Database, actor: Actor, view: InboxQuery['view']): SQL | undefined {
  const me = actor.personId ?? '00000000-0000-0000-0000-000000000000';
  switch (view) {
    case 'mine':
      return or(eq(conversationStates.assigneeId, me), inArray(conversationStates.conversationId,
        db.select({ id: conversationParticipants.conversationId }).from(conversationParticipants).where(eq(conversationParticipants.personId, me))));
    case 'spoke': {
      const spokes = spokesOf(actor);
      return spokes.length > 0 ? inArray(conversationStates.spokeId, spokes) : sql`false`;
    }
    case 'all':
      if (!seesEverything(actor)) throw forbidden('Only the hub (hub admins, PR leads, analysts) sees every conversation.');
      return undefined;
    case 'escalated':
      return gt(conversationStates.escalationLevel, 0);
    case 'waiting':
      return eq(conversationStates.status, 'waiting');
  }
}

function pageCondition(query: InboxQuery): SQL | undefined {
  if (!query.cursor) return undefined;
  const [key, id] = decodeCursor(query.cursor, 2) as [string | number, string];
  return query.sort === 'due'
    ? or(gt(dueKey, Number(key)), and(eq(dueKey, Number(key)), gt(conversationStates.conversationId, id)))
    : or(lt(conversationStates.lastCustomerAt, new Date(key)), and(eq(conversationStates.lastCustomerAt, new Date(key)), gt(conversationStates.conversationId, id)));
}

export async function listInbox(db: Database, actor: Actor, query: InboxQuery) {
  requireAccess(actor, 'mentions.read');
  const conditions = [visibleTo(db, actor), viewCondition(db, actor, query.view), pageCondition(query)];
  if (query.view !== 'waiting' && query.status) conditions.push(eq(conversationStates.status, query.status));
  if (!query.status && query.view !== 'waiting' && query.view !== 'escalated') conditions.push(sql`${conversationStates.status} <> 'resolved'`);
  if (query.spokeId) conditions.push(eq(conversationStates.spokeId, query.spokeId));
  if (query.priority) conditions.push(eq(conversationStates.priority, query.priority));
  if (query.q) conditions.push(inArray(conversationStates.conversationId, conversationsMatching(db, actor.orgId, query.q)));
  conditions.push(sql`${conversationStates.mergedInto} is null`);
  const order = query.sort === 'due' ? [asc(dueKey), asc(conversationStates.conversationId)] : [desc(conversationStates.lastCustomerAt), asc(conversationStates.conversationId)];
  const rows = await db.select({ state: conversationStates, dueKey }).from(conversationStates)
    .where(and(...conditions)).orderBy(...order).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last
    ? encodeCursor([query.sort === 'due' ? Number(last.dueKey) : last.state.lastCustomerAt.toISOString(), last.state.conversationId]) : null;
  return { items: await inboxItems(db, actor.orgId, page.map((row) => row.state)), nextCursor };
}

export async function inboxItems(db: Database, orgId: string, states: ConversationState[]) {
  const ids = states.map((state) => state.conversationId);
  const [headlines, spokeNames, assignees] = await Promise.all([
    conversationHeadlines(db, orgId, ids),
    spokeNamesOf(db, orgId, [...new Set(states.flatMap((s) => (s.spokeId ? [s.spokeId] : [])))]),
    staffByIds(db, orgId, [...new Set(states.flatMap((s) => (s.assigneeId ? [s.assigneeId] : [])))]),
  ]);
  const headlineOf = new Map(headlines.map((headline) => [headline.conversationId, headline]));
  const nameOf = new Map(assignees.map((person) => [person.personId, person.name]));
  return states.map((state) => inboxItem(state, headlineOf.get(state.conversationId), state.spokeId ? spokeNames.get(state.spokeId) ?? null : null, state.assigneeId ? nameOf.get(state.assigneeId) ?? null : null));
}

function nearestDue(state: ConversationState): Date | null {
  const clocks = [state.firstRespondedAt ? null : state.firstResponseDueAt, state.nextResponseDueAt, state.resolutionDueAt].filter((d): d is Date => d !== null);
  return clocks.length === 0 ? null : new Date(Math.min(...clocks.map((d) => d.getTime())));
}

function inboxItem(state: ConversationState, headline: Awaited<ReturnType<typeof conversationHeadlines>>[number] | undefined, spokeName: string | null, assigneeName: string | null) {
  return {
    conversationId: state.conversationId, status: state.status, priority: state.priority, tags: state.tags,
    spokeId: state.spokeId, spokeName, assigneeId: state.assigneeId, assigneeName, escalationLevel: state.escalationLevel,
    snoozedUntil: state.snoozedUntil, firstResponseDueAt: state.firstResponseDueAt, firstRespondedAt: state.firstRespondedAt, nextResponseDueAt: state.nextResponseDueAt,
    resolutionDueAt: state.resolutionDueAt, dueAt: nearestDue(state), lastCustomerAt: state.lastCustomerAt,
    requireApproval: state.requireApproval, noReplyNeeded: state.noReplyNeeded, mergedInto: state.mergedInto,
    headline: {
      title: headline?.title ?? null, text: headline?.text ?? '', authorHandle: headline?.authorHandle ?? null, authorName: headline?.authorName ?? null,
      authorFollowers: headline?.authorFollowers ?? null, sourceName: headline?.sourceName ?? '', sourceKind: headline?.sourceKind ?? '',
      url: headline?.url ?? null, mentionCount: headline?.mentionCount ?? 0,
    },
  };
}
export type InboxItem = ReturnType<typeof inboxItem>;
