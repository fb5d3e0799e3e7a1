// What is being said on a crisis's topics: volume and sentiment in buckets over its
// window (from an hour before it opened until it closed, or now), and the mentions
// themselves, newest first, each with triage's sentiment.
import type { Database } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import { requireAccess, type Actor } from '../../people/index.ts';
import { listMentions } from '../../listening/index.ts';
import { topicSentimentSeries, triageOfMentions, type SentimentBucket } from '../../triage/index.ts';
import { crisisOf, crisisWindow, type CrisisRow } from './crisis-records.ts';

/** A chart needs no more points than this; a long crisis is charted in wider buckets. */
const MAX_BUCKETS = 2_000;
/** date_bin's origin in topicSentimentSeries: buckets start at whole multiples of their size since then. */
const BUCKET_ORIGIN_MS = Date.UTC(2000, 0, 1);

/** Every bucket of the window, the empty ones as zeros, oldest first. */
export async function seriesOf(db: Database, crisis: CrisisRow, bucketMinutes: number, now = new Date()): Promise<SentimentBucket[]> {
  const { from, to } = crisisWindow(crisis, now);
  const size = bucketMinutes * 60_000;
  const first = BUCKET_ORIGIN_MS + Math.floor((from.getTime() - BUCKET_ORIGIN_MS) / size) * size;
  const count = Math.floor((to.getTime() - first) / size) + 1;
  if (count > MAX_BUCKETS) {
    throw invalid([{ field: 'querystring.bucketMinutes', message: `gives ${count} buckets over this crisis; take at least ${Math.ceil((to.getTime() - first) / 60_000 / MAX_BUCKETS)} minutes` }]);
  }
  const counted = new Map((await topicSentimentSeries(db, crisis.orgId, { topicIds: crisis.topicIds, from, to, bucketMinutes }))
    .map((bucket) => [bucket.at.getTime(), bucket]));
  return Array.from({ length: count }, (_, index) => {
    const at = first + index * size;
    return counted.get(at) ?? { at: new Date(at), mentions: 0, negative: 0, neutral: 0, positive: 0 };
  });
}

export async function crisisSeries(db: Database, actor: Actor, crisisId: string, bucketMinutes: number) {
  requireAccess(actor, 'crisis.watch');
  return { buckets: await seriesOf(db, await crisisOf(db, actor.orgId, crisisId), bucketMinutes) };
}

export async function crisisMentions(db: Database, actor: Actor, crisisId: string, page: { cursor?: string; limit: number }) {
  requireAccess(actor, 'crisis.watch');
  const crisis = await crisisOf(db, actor.orgId, crisisId);
  const { from } = crisisWindow(crisis);
  const mentions = await listMentions(db, actor, { topicIds: crisis.topicIds, from: from.toISOString(), to: crisis.closedAt?.toISOString(), cursor: page.cursor, limit: page.limit });
  const sentiments = new Map((await triageOfMentions(db, actor, mentions.items.map((mention) => mention.id))).map((triage) => [triage.mentionId, triage.sentiment.label]));
  return {
    items: mentions.items.map((mention) => ({
      id: mention.id, conversationId: mention.conversationId, authorName: mention.authorName, authorHandle: mention.authorHandle, authorFollowers: mention.authorFollowers,
      sourceName: mention.sourceName, title: mention.title, text: mention.text, url: mention.url, postedAt: mention.postedAt, sentiment: sentiments.get(mention.id) ?? null,
    })),
    nextCursor: mentions.nextCursor,
  };
}
