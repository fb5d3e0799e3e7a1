// Mention volume and sentiment over time, and share of voice between topics, read from
// the mention rollups. A spoke's numbers are the mentions about it (triage's place); a
// topic's are the mentions that matched it, so with several topics asked for, each has
// its own series (a mention on two of them is in both).
import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { topicNamesById } from '../listening/index.ts';
import { insightsMentionCounts as counts } from './insights.schema.ts';
import type { InsightsRange } from './insights-range.ts';
import type { InsightsScope } from './insights-scope.ts';
import { ALL, NONE } from './rollup-keys.ts';
import { bucketKeySql, bucketStartsOf, type Interval } from './time-buckets.ts';

export interface Sentiments { negative: number; neutral: number; positive: number; spam: number; total: number }
export interface VolumePoint extends Sentiments { bucket: string; topicId: string | null }
export interface VolumeFilter { interval: Interval; topicIds?: readonly string[] }

const sums = {
  negative: sql<number>`sum(${counts.negative})::int`, neutral: sql<number>`sum(${counts.neutral})::int`,
  positive: sql<number>`sum(${counts.positive})::int`, spam: sql<number>`sum(${counts.spam})::int`,
};
const zero = (): Sentiments => ({ negative: 0, neutral: 0, positive: 0, spam: 0, total: 0 });
/** Total: the mentions with a sentiment; spam is shown beside it, not in it. */
const sentimentsOf = (row: Omit<Sentiments, 'total'> | undefined): Sentiments =>
  (row ? { negative: row.negative, neutral: row.neutral, positive: row.positive, spam: row.spam, total: row.negative + row.neutral + row.positive } : zero());

const inScope = (scope: InsightsScope, range: InsightsRange, period: 'hour' | 'day') => and(
  eq(counts.orgId, scope.orgId), eq(counts.period, period), inArray(counts.spokeId, scope.spokeIds ?? [ALL]),
  gte(counts.bucketStart, range.start), lt(counts.bucketStart, range.end),
);

/** One point per bucket of the range (and per topic asked for), zeros included, with the totals of the range. */
export async function mentionVolume(db: Database, scope: InsightsScope, range: InsightsRange, filter: VolumeFilter) {
  const topicIds = filter.topicIds?.length ? [...new Set(filter.topicIds)] : null;
  const bucket = bucketKeySql(counts.bucketStart, filter.interval);
  const rows = await db.select({ bucket, topicId: counts.topicId, ...sums }).from(counts)
    .where(and(inScope(scope, range, filter.interval === 'hour' ? 'hour' : 'day'), inArray(counts.topicId, topicIds ?? [ALL])))
    .groupBy(bucket, counts.topicId);
  const found = new Map(rows.map((row) => [`${row.bucket}|${row.topicId}`, row]));
  const series: VolumePoint[] = [];
  const totals = new Map<string | null, Sentiments>();
  for (const start of bucketStartsOf(range, filter.interval)) {
    for (const topicId of topicIds ?? [ALL]) {
      const point = sentimentsOf(found.get(`${start.getTime()}|${topicId}`));
      const shownTopic = topicId === ALL ? null : topicId;
      series.push({ bucket: start.toISOString(), topicId: shownTopic, ...point });
      totals.set(shownTopic, addSentiments(totals.get(shownTopic) ?? zero(), point));
    }
  }
  return { interval: filter.interval, series, totals: [...totals].map(([topicId, sentiments]) => ({ topicId, ...sentiments })) };
}

const addSentiments = (a: Sentiments, b: Sentiments): Sentiments => ({
  negative: a.negative + b.negative, neutral: a.neutral + b.neutral, positive: a.positive + b.positive, spam: a.spam + b.spam, total: a.total + b.total,
});

/**
 * Each topic's mentions in the range and its share of all the topics' mentions (of those
 * asked for, or of every topic), most mentioned first, with its sentiment and net
 * sentiment ((positive − negative) ÷ mentions).
 */
export async function shareOfVoice(db: Database, scope: InsightsScope, range: InsightsRange, topicIds?: readonly string[]) {
  const asked = topicIds?.length ? [...new Set(topicIds)] : null;
  const rows = await db.select({ topicId: counts.topicId, ...sums }).from(counts)
    .where(and(inScope(scope, range, 'day'), asked ? inArray(counts.topicId, asked) : and(ne(counts.topicId, ALL), ne(counts.topicId, NONE))))
    .groupBy(counts.topicId);
  const byTopic = new Map(rows.map((row) => [row.topicId, sentimentsOf(row)]));
  // Every topic of the organization has a row, quiet ones too; a deleted topic's mentions keep theirs, unnamed.
  const names = await topicNamesById(db, scope.orgId, asked ? { ids: asked } : {});
  const ids = asked ?? [...new Set([...names.keys(), ...byTopic.keys()])];
  const all = ids.reduce((sum, id) => sum + (byTopic.get(id)?.total ?? 0), 0);
  const topics = ids.map((topicId) => {
    const sentiments = byTopic.get(topicId) ?? zero();
    return {
      topicId, name: names.get(topicId) ?? null, mentions: sentiments.total, share: all === 0 ? 0 : sentiments.total / all, ...sentiments,
      netSentiment: sentiments.total === 0 ? null : (sentiments.positive - sentiments.negative) / sentiments.total,
    };
  }).sort((a, b) => b.mentions - a.mentions || (a.name ?? '').localeCompare(b.name ?? ''));
  return { mentions: all, topics };
}
