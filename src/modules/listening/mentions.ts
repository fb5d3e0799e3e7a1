// Reading mentions: the stream, newest first, filtered by topic, source, language
// and time, and searched with PostgreSQL full-text search.
import { and, arrayContains, arrayOverlaps, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../db/index.ts';
import { requireAccess, type Actor } from '../people/index.ts';
import { mentions, sources } from './listening.schema.ts';

export interface MentionQuery {
  topicId?: string;
  /** Mentions on any of these topics (a crisis's). */
  topicIds?: readonly string[];
  sourceId?: string;
  language?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export const mentionColumns = {
  id: mentions.id, sourceId: mentions.sourceId, sourceName: sources.name, sourceKind: sources.kind, externalId: mentions.externalId,
  conversationId: mentions.conversationId, inReplyToExternalId: mentions.inReplyToExternalId,
  authorHandle: mentions.authorHandle, authorName: mentions.authorName, authorFollowers: mentions.authorFollowers, authorProfileUrl: mentions.authorProfileUrl,
  title: mentions.title, text: mentions.text, url: mentions.url, site: mentions.site, language: mentions.language,
  postedAt: mentions.postedAt, receivedAt: mentions.receivedAt, topicIds: mentions.topicIds, seq: mentions.seq,
};

export async function listMentions(db: Database, actor: Actor, query: MentionQuery) {
  requireAccess(actor, 'mentions.read');
  const conditions = [eq(mentions.orgId, actor.orgId)];
  if (query.topicId) conditions.push(arrayContains(mentions.topicIds, [query.topicId]));
  if (query.topicIds) conditions.push(arrayOverlaps(mentions.topicIds, [...query.topicIds]));
  if (query.sourceId) conditions.push(eq(mentions.sourceId, query.sourceId));
  if (query.language) conditions.push(eq(mentions.language, query.language));
  if (query.from) conditions.push(gte(mentions.postedAt, new Date(query.from)));
  if (query.to) conditions.push(lte(mentions.postedAt, new Date(query.to)));
  if (query.q) conditions.push(sql`${mentions.searchVector} @@ websearch_to_tsquery('simple', ${query.q})`);
  if (query.cursor) conditions.push(lt(mentions.seq, Number(decodeCursor(query.cursor, 1)[0])));
  const rows = await db.select(mentionColumns).from(mentions).innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(...conditions)).orderBy(desc(mentions.seq)).limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
}

/** The most recent mentions, as the "test a query" view samples them. */
export async function recentMentions(db: Database, actor: Actor, limit: number) {
  return (await listMentions(db, actor, { limit })).items;
}

/**
 * A subquery of the mentions on any of the topics posted in a window (id, conversation,
 * posted time), for counts and filters above that must not fetch the mentions (a crisis's
 * volumes, its conversations); served by the topics' GIN index.
 */
export function mentionsOnTopics(db: Database, orgId: string, topicIds: readonly string[], window: { from: Date; to?: Date }) {
  return db.select({ id: mentions.id, conversationId: mentions.conversationId, postedAt: mentions.postedAt }).from(mentions).where(and(
    eq(mentions.orgId, orgId), arrayOverlaps(mentions.topicIds, [...topicIds]), gte(mentions.postedAt, window.from),
    window.to ? lt(mentions.postedAt, window.to) : undefined,
  ));
}
