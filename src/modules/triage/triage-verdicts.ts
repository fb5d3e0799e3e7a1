// Stored mentions as triaged, read by the system for modules above (routing's preview,
// re-routing): the same shape the mentions-triaged event carries.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { mentionsForEnrichment } from '../listening/index.ts';
import { categories, mentionTriage } from './triage.schema.ts';
import type { TriagedMention } from './triage.events.ts';

/** The mentions that have been triaged, in arrival order; others are left out. */
export async function triagedMentionsOf(db: Database, orgId: string, mentionIds: readonly string[]): Promise<TriagedMention[]> {
  if (mentionIds.length === 0) return [];
  const [mentions, verdicts] = await Promise.all([
    mentionsForEnrichment(db, orgId, mentionIds),
    db.select({ triage: mentionTriage, categoryName: categories.name }).from(mentionTriage).leftJoin(categories, eq(categories.id, mentionTriage.categoryId))
      .where(and(eq(mentionTriage.orgId, orgId), inArray(mentionTriage.mentionId, [...mentionIds]))),
  ]);
  const verdictOf = new Map(verdicts.map((row) => [row.triage.mentionId, row]));
  return mentions.sort((a, b) => a.seq - b.seq).flatMap((mention) => {
    const verdict = verdictOf.get(mention.id);
    if (!verdict) return [];
    const { triage } = verdict;
    return [{
      id: mention.id, conversationId: mention.conversationId, sourceId: mention.sourceId, seq: mention.seq, title: mention.title, text: mention.text,
      authorHandle: mention.authorHandle, authorFollowers: mention.authorFollowers, postedAt: mention.postedAt.toISOString(), topicIds: mention.topicIds,
      language: triage.language, sentiment: triage.sentiment, categoryId: triage.categoryId, categoryName: verdict.categoryName,
      urgency: triage.urgency, placeSpokeId: triage.placeSpokeId, spam: triage.spam,
    }];
  });
}
