// A crisis's timeline: what the room wrote (opened, changes, notes, statements, effects)
// merged, when read, with the alerts raised on its topics and the replies published on
// them during its window, newest first and paged as one list. Published replies are
// read from respond rather than copied by a job listening to `respond.reply-published`:
// one query serves the timeline and the report, covers a topic added later and the
// replies of the hour before it opened, and there is nothing to keep in step.
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { recordAudit, requireAccess, staffByIds, type Actor } from '../../people/index.ts';
import { mentionsOnTopics, topicNamesById } from '../../listening/index.ts';
import { publishedReplies } from '../../respond/index.ts';
import { publishLiveEvents } from '../../routing/index.ts';
import { crisisAlerts } from '../crisis.schema.ts';
import { crisisTimelineEntries, type StoredTimelineKind, type TimelineKind } from './crisis-room.schema.ts';
import { crisisOf, crisisWindow, lockOrganizationCrises, type CrisisRow } from './crisis-records.ts';
import { decodeTimeCursor, encodeTimeCursor, newestFirst, type TimeKey } from './time-cursor.ts';

export interface NewTimelineEntry { kind: StoredTimelineKind; text: string; data?: Record<string, unknown> | null; actorId?: string | null }
export interface TimelineEntry { id: string; at: Date; kind: TimelineKind; text: string; actorName: string | null; data: Record<string, unknown> | null }

// Entries written by one change must read in the order they were written, so each gets
// a later millisecond than the one before in this process (the cursor pages on milliseconds).
let lastEntryMs = 0;
function nextEntryTime(): Date {
  lastEntryMs = Math.max(Date.now(), lastEntryMs + 1);
  return new Date(lastEntryMs);
}

export async function recordTimeline(tx: Database, crisis: Pick<CrisisRow, 'id' | 'orgId'>, entries: readonly NewTimelineEntry[]): Promise<(typeof crisisTimelineEntries.$inferSelect)[]> {
  if (entries.length === 0) return [];
  return tx.insert(crisisTimelineEntries).values(entries.map((entry) => ({
    orgId: crisis.orgId, crisisId: crisis.id, at: nextEntryTime(), kind: entry.kind, text: entry.text, actorId: entry.actorId ?? null, data: entry.data ?? null,
  }))).returning();
}

/** Tells everyone watching for crises (the room, the list) that this one changed; in the change's transaction. */
export function announceCrisis(tx: Database, crisis: Pick<CrisisRow, 'id' | 'orgId'>, alertId: string | null = null): Promise<void> {
  return publishLiveEvents(tx, [{ orgId: crisis.orgId, type: 'crisis.changed', alertId, crisisId: crisis.id }]);
}

/** The conversations with a mention on the crisis's topics since its window began, as a subquery of ids. */
export function conversationsOfCrisis(db: Database, crisis: CrisisRow, from: Date) {
  const onTopics = mentionsOnTopics(db, crisis.orgId, crisis.topicIds, { from }).as('crisis_mentions');
  return db.selectDistinct({ conversationId: onTopics.conversationId }).from(onTopics);
}

const beforeKey = (column: unknown, idColumn: unknown, key: TimeKey) =>
  sql`(date_trunc('milliseconds', ${column}), ${idColumn}) < (${key.at.toISOString()}::timestamptz, ${key.id}::uuid)`;

async function storedEntries(db: Database, crisis: CrisisRow, limit: number, before?: TimeKey): Promise<TimelineEntry[]> {
  const rows = await db.select().from(crisisTimelineEntries)
    .where(and(eq(crisisTimelineEntries.crisisId, crisis.id), before && beforeKey(crisisTimelineEntries.at, crisisTimelineEntries.id, before)))
    .orderBy(desc(crisisTimelineEntries.at), desc(crisisTimelineEntries.id)).limit(limit);
  const actors = new Map((await staffByIds(db, crisis.orgId, [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))])).map((p) => [p.personId, p.name]));
  return rows.map((row) => ({ id: row.id, at: row.at, kind: row.kind, text: row.text, actorName: row.actorId ? actors.get(row.actorId) ?? null : null, data: row.data }));
}

async function alertEntries(db: Database, crisis: CrisisRow, window: { from: Date; to: Date }, limit: number, before?: TimeKey): Promise<TimelineEntry[]> {
  const rows = await db.select().from(crisisAlerts).where(and(
    eq(crisisAlerts.orgId, crisis.orgId), inArray(crisisAlerts.topicId, crisis.topicIds),
    // Alerts carry stream time (posted times), which may run ahead of the clock: an open crisis takes them all.
    gte(crisisAlerts.raisedAt, window.from), crisis.closedAt ? lt(crisisAlerts.raisedAt, window.to) : undefined,
    before && beforeKey(crisisAlerts.raisedAt, crisisAlerts.id, before),
  )).orderBy(desc(sql`date_trunc('milliseconds', ${crisisAlerts.raisedAt})`), desc(crisisAlerts.id)).limit(limit);
  const topics = await topicNamesById(db, crisis.orgId, { ids: [...new Set(rows.map((row) => row.topicId))] });
  return rows.map((row) => ({
    id: row.id, at: row.raisedAt, kind: 'alert' as const, text: row.summary, actorName: null,
    data: { alertId: row.id, topicId: row.topicId, topicName: topics.get(row.topicId) ?? null, detector: row.detector, acknowledgedAt: row.acknowledgedAt },
  }));
}

async function replyEntries(db: Database, crisis: CrisisRow, window: { from: Date; to: Date }, limit: number, before?: TimeKey): Promise<TimelineEntry[]> {
  const replies = await publishedReplies(db, crisis.orgId, { limit, before, on: { conversationIds: conversationsOfCrisis(db, crisis, window.from), ...window } });
  return replies.map((reply) => ({
    id: reply.id, at: reply.publishedAt, kind: 'reply-published' as const, text: reply.text, actorName: reply.authorName,
    data: { replyId: reply.id, network: reply.network, url: reply.url, spokeName: reply.spokeName },
  }));
}

/** Newest first, up to `limit`, strictly before the cursor. */
export async function readTimeline(db: Database, crisis: CrisisRow, page: { cursor?: string; limit: number }) {
  const before = decodeTimeCursor(page.cursor);
  const window = crisisWindow(crisis);
  // Each source gives its newest `limit + 1` before the cursor: the page's entries are among them, and one more says there is a next page.
  const sources = await Promise.all([
    storedEntries(db, crisis, page.limit + 1, before), alertEntries(db, crisis, window, page.limit + 1, before), replyEntries(db, crisis, window, page.limit + 1, before),
  ]);
  const merged = sources.flat().sort(newestFirst);
  const items = merged.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: merged.length > page.limit && last ? encodeTimeCursor(last) : null };
}

export async function crisisTimeline(db: Database, actor: Actor, crisisId: string, page: { cursor?: string; limit: number }) {
  requireAccess(actor, 'crisis.watch');
  return readTimeline(db, await crisisOf(db, actor.orgId, crisisId), page);
}

/**
 * A note by one who runs the crisis (crisis.run), also once it is closed, for the
 * review after. Members of the crisis team's spoke do not write here: they cannot read
 * the room, and work the conversations routed to them, with the conversations' notes.
 */
export async function addCrisisNote(db: Database, actor: Actor, crisisId: string, text: string): Promise<TimelineEntry> {
  requireAccess(actor, 'crisis.run');
  const [entry] = await db.transaction(async (tx) => {
    await lockOrganizationCrises(tx, actor.orgId);
    const crisis = await crisisOf(tx, actor.orgId, crisisId);
    const written = await recordTimeline(tx, crisis, [{ kind: 'note', text: text.trim(), actorId: actor.personId }]);
    await recordAudit(tx, actor, { action: 'crisis.note-added', targetType: 'crisis', targetId: crisis.id, targetLabel: crisis.title, after: { text: text.trim() } });
    await announceCrisis(tx, crisis);
    return written;
  });
  const [author] = actor.personId ? await staffByIds(db, actor.orgId, [actor.personId]) : [];
  return { id: entry!.id, at: entry!.at, kind: entry!.kind, text: entry!.text, actorName: author?.name ?? null, data: entry!.data };
}
