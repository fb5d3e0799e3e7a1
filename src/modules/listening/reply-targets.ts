// The post a reply answers, with what a connector needs to answer it on its network:
// the source (kind and configuration, secrets included: this never leaves the server)
// and the post as it was received. Read by the system for the respond module.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { mentions, sources, topics } from './listening.schema.ts';

export async function replyTargetOf(db: Database, orgId: string, mentionId: string) {
  const [row] = await db.select({
    mentionId: mentions.id, conversationId: mentions.conversationId, externalId: mentions.externalId, url: mentions.url, raw: mentions.raw,
    authorHandle: mentions.authorHandle, authorFollowers: mentions.authorFollowers, title: mentions.title, topicIds: mentions.topicIds,
    sourceId: sources.id, sourceKind: sources.kind, sourceName: sources.name, sourceConfig: sources.config,
  }).from(mentions).innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(eq(mentions.orgId, orgId), eq(mentions.id, mentionId)));
  return row;
}
export type ReplyTarget = NonNullable<Awaited<ReturnType<typeof replyTargetOf>>>;

/** The conversation's newest post: what a new reply answers. */
export async function newestMentionOf(db: Database, orgId: string, conversationId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: mentions.id }).from(mentions)
    .where(and(eq(mentions.orgId, orgId), eq(mentions.conversationId, conversationId)))
    .orderBy(desc(mentions.postedAt), desc(mentions.seq)).limit(1);
  return row?.id;
}

export async function topicNamesOf(db: Database, orgId: string, topicIds: readonly string[]): Promise<string[]> {
  if (topicIds.length === 0) return [];
  return (await db.select({ name: topics.name }).from(topics).where(and(eq(topics.orgId, orgId), inArray(topics.id, [...topicIds])))).map((t) => t.name);
}
