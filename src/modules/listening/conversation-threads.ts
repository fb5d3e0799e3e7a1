// Conversations as the inbox shows them: each one's opening mention and size for a
// list, and the whole thread, oldest first, for the conversation view. Read by the
// system for modules above (routing decides who may see which conversation).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { conversations, mentions, sources } from './listening.schema.ts';
import { mentionColumns } from './mentions.ts';

export async function conversationThread(db: Database, orgId: string, conversationId: string) {
  return db.select(mentionColumns).from(mentions).innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(eq(mentions.orgId, orgId), eq(mentions.conversationId, conversationId)))
    .orderBy(asc(mentions.postedAt), asc(mentions.seq)).limit(500);
}
export type ThreadMention = Awaited<ReturnType<typeof conversationThread>>[number];

/** For each conversation: its source, size, last activity and opening mention (the earliest). */
export async function conversationHeadlines(db: Database, orgId: string, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  const opening = db.selectDistinctOn([mentions.conversationId], {
    conversationId: mentions.conversationId, mentionId: mentions.id, text: mentions.text, title: mentions.title,
    authorHandle: mentions.authorHandle, authorName: mentions.authorName, authorFollowers: mentions.authorFollowers, url: mentions.url,
  }).from(mentions).where(and(eq(mentions.orgId, orgId), inArray(mentions.conversationId, [...conversationIds])))
    .orderBy(mentions.conversationId, asc(mentions.postedAt), asc(mentions.seq)).as('opening');
  return db.select({
    conversationId: conversations.id, sourceId: conversations.sourceId, sourceName: sources.name, sourceKind: sources.kind,
    mentionCount: conversations.mentionCount, startedAt: conversations.startedAt, lastMentionAt: conversations.lastMentionAt,
    openingMentionId: opening.mentionId, title: opening.title, text: opening.text, url: opening.url,
    authorHandle: opening.authorHandle, authorName: opening.authorName, authorFollowers: opening.authorFollowers,
  }).from(conversations).innerJoin(sources, eq(sources.id, conversations.sourceId))
    .leftJoin(opening, eq(opening.conversationId, conversations.id))
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, [...conversationIds])));
}
export type ConversationHeadline = Awaited<ReturnType<typeof conversationHeadlines>>[number];

/** How many conversations this author has started with us, for the conversation view. */
export async function authorHistory(db: Database, orgId: string, authorHandle: string) {
  const [row] = await db.select({ mentions: sql<number>`count(*)::int`, conversations: sql<number>`count(distinct ${mentions.conversationId})::int`, firstSeenAt: sql<Date | null>`min(${mentions.postedAt})` })
    .from(mentions).where(and(eq(mentions.orgId, orgId), eq(mentions.authorHandle, authorHandle)));
  return { mentions: row?.mentions ?? 0, conversations: row?.conversations ?? 0, firstSeenAt: row?.firstSeenAt ? new Date(row.firstSeenAt) : null };
}

/** A subquery of the conversations with a mention matching a full-text search, for filters above. */
export function conversationsMatching(db: Database, orgId: string, q: string) {
  return db.selectDistinct({ conversationId: mentions.conversationId }).from(mentions)
    .where(and(eq(mentions.orgId, orgId), sql`${mentions.searchVector} @@ websearch_to_tsquery('simple', ${q})`));
}
