// Stores what connectors hear. A post is stored once per (organization, source,
// external id): re-delivery, re-import and restarts never duplicate it. Each new
// mention joins its parent's conversation when it is a reply, or starts one.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { conversations, mentions } from './listening.schema.ts';

/** A post as the listening module stores it; connectors' IncomingPost maps onto it directly. */
export interface PostToStore {
  externalId: string;
  text: string;
  title?: string;
  url?: string;
  site?: string;
  language?: string;
  createdAt?: string;
  inReplyToExternalId?: string;
  author?: { handle?: string; displayName?: string; followers?: number; profileUrl?: string };
  raw?: unknown;
}

export interface StoreOutcome { stored: number; duplicates: number; mentionIds: string[] }

function postedAt(post: PostToStore, receivedAt: Date): Date {
  const parsed = post.createdAt ? new Date(post.createdAt) : undefined;
  // A missing or nonsensical date (some feeds have them) falls back to when we heard it.
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : receivedAt;
}

/** The conversation a new mention belongs to: its parent's, else an orphan reply's (which arrived first), else a new one. */
async function conversationFor(db: Database, orgId: string, sourceId: string, post: PostToStore, at: Date): Promise<string> {
  const relatives = [];
  if (post.inReplyToExternalId) {
    relatives.push(and(eq(mentions.sourceId, sourceId), eq(mentions.externalId, post.inReplyToExternalId)));
  }
  relatives.push(and(eq(mentions.sourceId, sourceId), eq(mentions.inReplyToExternalId, post.externalId)));
  for (const relative of relatives) {
    const [found] = await db.select({ conversationId: mentions.conversationId }).from(mentions).where(and(eq(mentions.orgId, orgId), relative)).limit(1);
    if (found) return found.conversationId;
  }
  const [created] = await db.insert(conversations).values({ orgId, sourceId, startedAt: at, lastMentionAt: at }).returning({ id: conversations.id });
  return created!.id;
}

export async function storeMention(
  db: Database, orgId: string, sourceId: string, post: PostToStore, topicIds: string[], receivedAt = new Date(),
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    // Cheap check first, so a re-delivered post does not even create a conversation.
    const [existing] = await tx.select({ id: mentions.id }).from(mentions)
      .where(and(eq(mentions.orgId, orgId), eq(mentions.sourceId, sourceId), eq(mentions.externalId, post.externalId)));
    if (existing) return undefined;
    const at = postedAt(post, receivedAt);
    const conversationId = await conversationFor(tx, orgId, sourceId, post, at);
    const [row] = await tx.insert(mentions).values({
      orgId, sourceId, conversationId, externalId: post.externalId, inReplyToExternalId: post.inReplyToExternalId ?? null,
      authorHandle: post.author?.handle ?? null, authorName: post.author?.displayName ?? null,
      authorFollowers: post.author?.followers ?? null, authorProfileUrl: post.author?.profileUrl ?? null,
      title: post.title ?? null, text: post.text, url: post.url ?? null, site: post.site ?? null, language: post.language ?? null,
      postedAt: at, receivedAt, topicIds, raw: post.raw ?? null,
    }).onConflictDoNothing().returning({ id: mentions.id });
    // A concurrent worker may have stored it between our check and insert: then roll back the conversation too.
    if (!row) {
      tx.rollback();
      return undefined;
    }
    await tx.update(conversations).set({
      mentionCount: sql`${conversations.mentionCount} + 1`,
      lastMentionAt: sql`greatest(${conversations.lastMentionAt}, ${at.toISOString()}::timestamptz)`,
      startedAt: sql`least(${conversations.startedAt}, ${at.toISOString()}::timestamptz)`,
    }).where(eq(conversations.id, conversationId));
    return row.id;
  }).catch((error) => {
    if ((error as Error).name === 'TransactionRollbackError') return undefined;
    throw error;
  });
}

/** Stores a batch of posts; `topicsFor` decides which topics each matches, and `keep` whether it is stored at all. */
export async function storeMentions(
  db: Database, orgId: string, sourceId: string, posts: PostToStore[],
  topicsFor: (post: PostToStore) => string[], keep: (topicIds: string[]) => boolean, receivedAt = new Date(),
): Promise<StoreOutcome & { ignored: number }> {
  const outcome = { stored: 0, duplicates: 0, ignored: 0, mentionIds: [] as string[] };
  for (const post of posts) {
    const topicIds = topicsFor(post);
    if (!keep(topicIds)) {
      outcome.ignored += 1;
      continue;
    }
    const id = await storeMention(db, orgId, sourceId, post, topicIds, receivedAt);
    if (id) {
      outcome.stored += 1;
      outcome.mentionIds.push(id);
    } else {
      outcome.duplicates += 1;
    }
  }
  return outcome;
}
