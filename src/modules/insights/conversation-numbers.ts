// Conversation numbers read from the rollups, for one slice of them: the organization
// (or the spokes a spoke lead sees, merged), each spoke, each person, or the range in
// days, weeks or months. Totals read whole months from month rows and the days at the
// edges from day rows; series read day rows. Medians and 90th percentiles come from the
// merged histograms: the database adds up the bins and keeps, per group, only the two bins
// the percentiles fall in; the time inside them is interpolated here.
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/index.ts';
import { insightsConversationCounts as counts, insightsResponseHistograms as histograms, type ResponseMetric, type RollupScope } from './insights.schema.ts';
import { spansOf, type InsightsRange, type RollupSpan } from './insights-range.ts';
import type { InsightsScope } from './insights-scope.ts';
import { ALL } from './rollup-keys.ts';
import { timeAtRank } from './response-time-bins.ts';
import { bucketKeySql } from './time-buckets.ts';

export const groupings = ['org', 'spoke', 'person', 'day', 'week', 'month'] as const;
export type Grouping = (typeof groupings)[number];

/** Which rollup rows answer, and how they are grouped (by their key, by time, or all as one). */
export interface Slice { scope: RollupScope; keys: readonly string[] | null; group: 'all' | 'key' | 'day' | 'week' | 'month'; spans: RollupSpan[] }

/** The slice for a grouping; `people` narrows a person grouping (a spoke lead sees their spokes' members). */
export function sliceOf(scope: InsightsScope, range: InsightsRange, grouping: Grouping, people: readonly string[] | null = null): Slice {
  const whole = scope.spokeIds ? { scope: 'spoke' as const, keys: scope.spokeIds } : { scope: 'org' as const, keys: [ALL] };
  switch (grouping) {
    case 'org': return { ...whole, group: 'all', spans: spansOf(range) };
    case 'spoke': return { scope: 'spoke', keys: scope.spokeIds, group: 'key', spans: spansOf(range) };
    case 'person': return { scope: 'person', keys: people, group: 'key', spans: spansOf(range) };
    default: return { ...whole, group: grouping, spans: [{ period: 'day', from: range.start, to: range.end }] };
  }
}

type Table = typeof counts | typeof histograms;

/** What rows are grouped by; all of them: by the organization, the same in every row (a constant cannot be grouped by). */
const groupOf = (table: Table, slice: Slice): SQL<string> =>
  (slice.group === 'all' ? sql<string>`${table.orgId}::text` : slice.group === 'key' ? sql<string>`${table.key}::text` : bucketKeySql(table.bucketStart, slice.group));

/**
 * The slice's rows of `table` as `g` (their group) and `columns`: one select per span, each
 * an index range, joined with union all (the planner reads an OR of spans as one scan of the table).
 */
function rowsOf(table: Table, orgId: string, slice: Slice, columns: SQL, condition?: SQL): SQL {
  return sql.join(slice.spans.map((span) => sql`select ${groupOf(table, slice)} as g, ${columns} from ${table} where ${and(
    eq(table.orgId, orgId), eq(table.period, span.period), eq(table.scope, slice.scope), condition,
    slice.keys ? inArray(table.key, [...slice.keys]) : undefined, gte(table.bucketStart, span.from), lt(table.bucketStart, span.to),
  )}`), sql` union all `);
}

export interface ConversationCounts {
  opened: number; replies: number; firstResponses: number; firstResponseSeconds: number; resolutions: number; resolutionSeconds: number;
  firstResponseSlaMet: number; firstResponseSlaMissed: number; resolutionSlaMet: number; resolutionSlaMissed: number;
}

export const noCounts = (): ConversationCounts => ({
  opened: 0, replies: 0, firstResponses: 0, firstResponseSeconds: 0, resolutions: 0, resolutionSeconds: 0,
  firstResponseSlaMet: 0, firstResponseSlaMissed: 0, resolutionSlaMet: 0, resolutionSlaMissed: 0,
});

const countColumns = {
  opened: counts.opened, replies: counts.replies, firstResponses: counts.firstResponses, firstResponseSeconds: counts.firstResponseSeconds,
  resolutions: counts.resolutions, resolutionSeconds: counts.resolutionSeconds, firstResponseSlaMet: counts.firstResponseSlaMet,
  firstResponseSlaMissed: counts.firstResponseSlaMissed, resolutionSlaMet: counts.resolutionSlaMet, resolutionSlaMissed: counts.resolutionSlaMissed,
} satisfies Record<keyof ConversationCounts, AnyPgColumn>;

/** The counts of each group of the slice (groups with none are absent). */
export async function conversationCounts(db: Database, orgId: string, slice: Slice): Promise<Map<string, ConversationCounts>> {
  const names = Object.keys(countColumns) as (keyof ConversationCounts)[];
  const columns = sql.join(names.map((name) => sql`${countColumns[name]} as ${sql.identifier(name)}`), sql`, `);
  // Sums as float8: both drivers hand back numbers (a sum of bigint would come back as text).
  const sums = sql.join(names.map((name) => sql`sum(u.${sql.identifier(name)})::float8 as ${sql.identifier(name)}`), sql`, `);
  const { rows } = await db.execute(sql`select u.g, ${sums} from (${rowsOf(counts, orgId, slice, columns)}) as u group by u.g`) as unknown as { rows: ({ g: string } & ConversationCounts)[] };
  return new Map(rows.map(({ g, ...numbers }) => [g, numbers]));
}

export interface Percentiles { median: number | null; p90: number | null }

const QUANTILES = { median: 0.5, p90: 0.9 } as const;

/** The median and 90th percentile of a response time, per group of the slice, in seconds. */
export async function responsePercentiles(db: Database, orgId: string, slice: Slice, metric: ResponseMetric): Promise<Map<string, Percentiles>> {
  const crossing = (q: number) => sql`(w.cum - w.c < ${q}::float8 * w.total and w.cum >= ${q}::float8 * w.total)`;
  const { rows } = await db.execute(sql`
    with h as (
      select u.g, (x.i - 1)::int as bin, sum(x.c)::int as c from (${rowsOf(histograms, orgId, slice, sql`${histograms.bins} as bins`, eq(histograms.metric, metric))}) as u
        cross join lateral unnest(u.bins) with ordinality as x(c, i)
      where x.c > 0 group by u.g, x.i
    ), w as (
      select g, bin, c, (sum(c) over (partition by g order by bin))::int as cum, (sum(c) over (partition by g))::int as total from h
    )
    select g, bin, c, cum, total from w where ${crossing(QUANTILES.median)} or ${crossing(QUANTILES.p90)}`) as unknown as { rows: { g: string; bin: number; c: number; cum: number; total: number }[] };
  const found = new Map<string, Percentiles>();
  for (const row of rows) {
    const percentiles = found.get(row.g) ?? { median: null, p90: null };
    for (const [name, q] of Object.entries(QUANTILES) as [keyof Percentiles, number][]) {
      const rank = q * row.total;
      if (row.cum - row.c < rank && row.cum >= rank) percentiles[name] = timeAtRank(row.bin, row.c, row.cum - row.c, rank);
    }
    found.set(row.g, percentiles);
  }
  return found;
}
