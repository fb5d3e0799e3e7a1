// Replies as the public saw them, for the company's aggregate voice (advocacy's public
// page and feeds): only replies that were published at a public web address, never a
// draft, one waiting for approval, a review comment or an e-mail answer (private to
// the customer, whatever link it was confirmed with). Only what the reply itself says
// is given: the customer's post is not, beyond what the reply quotes.
import { and, desc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { spokeNamesOf, staffByIds } from '../../people/index.ts';
import { spokesOfConversations } from '../../routing/index.ts';
import { replies } from '../respond.schema.ts';

export interface PublishedReply {
  id: string;
  text: string;
  network: string;
  authorName: string;
  /** The spoke of the conversation it answered, if it was routed to one. */
  spokeName: string | null;
  url: string;
  publishedAt: Date;
}

// In milliseconds, as a cursor carries it: a time written by the database has microseconds, and the reply a page ended on must not come again.
const publishedMs = sql`date_trunc('milliseconds', ${replies.publishedAt})`;

export interface PublishedRepliesOptions {
  limit: number;
  /** Strictly before this published time and id (the last of the previous page). */
  before?: { at: Date; id: string };
  /** Only replies in these conversations (a subquery of ids) published within [from, to): a crisis's. */
  on?: { conversationIds: SQLWrapper; from: Date; to: Date };
}

/** Newest first. */
export async function publishedReplies(db: Database, orgId: string, options: PublishedRepliesOptions): Promise<PublishedReply[]> {
  const { before, on } = options;
  const rows = await db.select({
    id: replies.id, text: replies.text, network: replies.network, authorId: replies.authorId, conversationId: replies.conversationId,
    url: replies.publishedUrl, publishedAt: replies.publishedAt,
  }).from(replies).where(and(
    eq(replies.orgId, orgId), eq(replies.status, 'published'), isNotNull(replies.publishedAt), ne(replies.network, 'email'),
    sql`${replies.publishedUrl} ~* '^https?://'`,
    before && sql`(${publishedMs}, ${replies.id}) < (${before.at.toISOString()}::timestamptz, ${before.id}::uuid)`,
    on && and(inArray(replies.conversationId, on.conversationIds), gte(replies.publishedAt, on.from), lt(replies.publishedAt, on.to)),
  )).orderBy(desc(publishedMs), desc(replies.id)).limit(options.limit);
  if (rows.length === 0) return [];
  const [authors, conversationSpokes] = await Promise.all([
    staffByIds(db, orgId, [...new Set(rows.map((row) => row.authorId))]),
    spokesOfConversations(db, orgId, [...new Set(rows.map((row) => row.conversationId))]),
  ]);
  const spokeNames = await spokeNamesOf(db, orgId, [...new Set([...conversationSpokes.values()].filter((id): id is string => id !== null))]);
  const names = new Map(authors.map((author) => [author.personId, author.name]));
  return rows.map((row) => {
    const spokeId = conversationSpokes.get(row.conversationId) ?? null;
    return {
      id: row.id, text: row.text, network: row.network, authorName: names.get(row.authorId) ?? '',
      spokeName: spokeId ? spokeNames.get(spokeId) ?? null : null, url: row.url!, publishedAt: row.publishedAt!,
    };
  });
}
