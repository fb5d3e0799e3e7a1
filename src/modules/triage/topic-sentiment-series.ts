// Volume and sentiment of some topics over time, in buckets: what a crisis room charts
// and its report tabulates. Counted in the database over listening's mentions on the
// topics (a subquery on their index) joined to their verdicts; spam is left out.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { mentionsOnTopics } from '../listening/index.ts';
import { mentionTriage } from './triage.schema.ts';

export interface SentimentBucket {
  /** The bucket's start; buckets are aligned to whole multiples of their size since 2000-01-01 UTC. */
  at: Date;
  /** Every mention in the bucket, triaged or not yet. */
  mentions: number;
  negative: number;
  neutral: number;
  positive: number;
}

export interface SeriesWindow { topicIds: readonly string[]; from: Date; to: Date; bucketMinutes: number }

/** Only the buckets that hold a mention, oldest first. */
export async function topicSentimentSeries(db: Database, orgId: string, window: SeriesWindow): Promise<SentimentBucket[]> {
  if (window.topicIds.length === 0) return [];
  const onTopics = mentionsOnTopics(db, orgId, window.topicIds, window).as('on_topics');
  const bucket = sql<string>`date_bin(${`${window.bucketMinutes} minutes`}::interval, ${onTopics.postedAt}, timestamptz '2000-01-01 00:00:00+00')`;
  const counted = (label: string) => sql<number>`(count(*) filter (where ${mentionTriage.sentiment} = ${label}))::int`;
  const rows = await db.select({ at: bucket, mentions: sql<number>`count(*)::int`, negative: counted('negative'), neutral: counted('neutral'), positive: counted('positive') })
    .from(onTopics).leftJoin(mentionTriage, eq(mentionTriage.mentionId, onTopics.id))
    .where(sql`${mentionTriage.spam} is not true`)
    // By position: the bucket's interval is a parameter, and two mentions of it would be two expressions to PostgreSQL.
    .groupBy(sql`1`).orderBy(sql`1`);
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
