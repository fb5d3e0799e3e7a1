// Counting mentions as triage judges them: each mention adds one to its hour and its
// UTC day (by when it was posted), for its spoke (the store or place triage found it is
// about; NONE when none) and for every spoke together, for each topic it matched and for
// every topic together, under its sentiment (or as spam). Once per mention, however
// often the event is delivered.
import type { Database } from '../../db/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { insightsMentionCounts, mentionPeriods } from './insights.schema.ts';
import { ALL, NONE, bucketOf } from './rollup-keys.ts';
import { addToRollup, claimUncounted, isClaimed } from './rollup-store.ts';

type MentionCountRow = typeof insightsMentionCounts.$inferInsert & { negative: number; neutral: number; positive: number; spam: number };

const MENTION_KEYS = ['orgId', 'period', 'spokeId', 'bucketStart', 'topicId'] as const;

function addMention(rows: Map<string, MentionCountRow>, orgId: string, mention: TriagedMention): void {
  const postedAt = new Date(mention.postedAt);
  const topics = mention.topicIds.length > 0 ? mention.topicIds : [NONE];
  const counter = mention.spam ? 'spam' : mention.sentiment;
  for (const period of mentionPeriods) {
    const bucketStart = bucketOf(postedAt, period);
    for (const spokeId of [ALL, mention.placeSpokeId ?? NONE]) {
      for (const topicId of [ALL, ...new Set(topics)]) {
        const key = `${period}|${spokeId}|${bucketStart.getTime()}|${topicId}`;
        const row = rows.get(key) ?? { orgId, period, spokeId, bucketStart, topicId, negative: 0, neutral: 0, positive: 0, spam: 0 };
        row[counter] += 1;
        rows.set(key, row);
      }
    }
  }
}

/** Adds the mentions not counted before to the rollups, in one transaction; returns how many were new. */
export async function countTriagedMentions(db: Database, orgId: string, mentions: readonly TriagedMention[]): Promise<number> {
  if (mentions.length === 0) return 0;
  return db.transaction(async (tx) => {
    const claimed = await claimUncounted(tx, orgId, mentions.map((mention) => ({ kind: 'mention', ref: mention.id })));
    const rows = new Map<string, MentionCountRow>();
    const counted = new Set<string>();
    for (const mention of mentions) {
      if (counted.has(mention.id) || !isClaimed(claimed, { kind: 'mention', ref: mention.id })) continue;
      counted.add(mention.id);
      addMention(rows, orgId, mention);
    }
    await addToRollup(tx, insightsMentionCounts, MENTION_KEYS, [...rows.values()]);
    return counted.size;
  });
}
