// What modules above listening need of new mentions to enrich them: the text, who
// wrote it and how loud they are, and how busy its conversation has been lately.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { mentions } from './listening.schema.ts';

export interface MentionToEnrich {
  id: string;
  sourceId: string;
  conversationId: string;
  title: string | null;
  text: string;
  language: string | null;
  authorHandle: string | null;
  authorFollowers: number | null;
  postedAt: Date;
  topicIds: string[];
  /** Order of arrival in the organization: later stages remember how far they got. */
  seq: number;
  /** Mentions of its conversation posted in the hour up to this one, itself included. */
  conversationMentionsLastHour: number;
}

export async function mentionsForEnrichment(db: Database, orgId: string, mentionIds: readonly string[]): Promise<MentionToEnrich[]> {
  if (mentionIds.length === 0) return [];
  // Counted through the (conversation, posted_at) index, one small range per mention.
  const lastHour = sql<number>`(select count(*)::int from mentions as earlier
    where earlier.conversation_id = mentions.conversation_id
      and earlier.posted_at between mentions.posted_at - interval '1 hour' and mentions.posted_at)`.as('conversation_mentions_last_hour');
  // Looked up id by id, each a probe of the primary key: PGlite keeps no planner statistics, and given
  // the ids as one list it also read the organization's index whole, a cost that grew with every mention stored.
  // (The limit keeps the planner from turning the lookup back into a join over all of them.)
  const mention = db.select({
    id: mentions.id, sourceId: mentions.sourceId, conversationId: mentions.conversationId, title: mentions.title, text: mentions.text,
    language: mentions.language, authorHandle: mentions.authorHandle, authorFollowers: mentions.authorFollowers, postedAt: mentions.postedAt,
    topicIds: mentions.topicIds, seq: mentions.seq, conversationMentionsLastHour: lastHour,
  }).from(mentions).where(and(eq(mentions.id, sql`wanted.id::uuid`), eq(mentions.orgId, orgId))).limit(1).as('mention');
  return db.select({
    id: mention.id, sourceId: mention.sourceId, conversationId: mention.conversationId, title: mention.title, text: mention.text,
    language: mention.language, authorHandle: mention.authorHandle, authorFollowers: mention.authorFollowers, postedAt: mention.postedAt,
    topicIds: mention.topicIds, seq: mention.seq, conversationMentionsLastHour: mention.conversationMentionsLastHour,
  }).from(sql`jsonb_array_elements_text(${JSON.stringify([...new Set(mentionIds)])}::jsonb) as wanted(id)`).crossJoinLateral(mention);
}
