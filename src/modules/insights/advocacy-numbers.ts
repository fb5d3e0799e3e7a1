// Advocacy on the insights dashboard, from the swept rollup (sweep-advocacy.ts): the
// shares that went out in the range (by the day they went out), their potential reach,
// the clicks they earned so far, and the earned media value at the hub's rates with its
// formula. A spoke's numbers are its members' shares (a spoke is its members now, as in
// advocacy's own measurement).
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { advocacySettingsOf, earnedMediaValueOf, formulaOf } from '../advocacy/index.ts';
import { spokeMembershipsOf } from '../people/index.ts';
import { insightsAdvocacyDays as days } from './insights.schema.ts';
import type { InsightsRange } from './insights-range.ts';
import type { InsightsScope } from './insights-scope.ts';
import { bucketStartsOf } from './time-buckets.ts';

interface Totals { shares: number; reach: number; clicks: number; uniqueClicks: number }
const none = (): Totals => ({ shares: 0, reach: 0, clicks: 0, uniqueClicks: 0 });

async function sharersInScope(db: Database, scope: InsightsScope): Promise<string[] | null> {
  if (!scope.spokeIds) return null;
  return [...new Set((await spokeMembershipsOf(db, scope.orgId, { spokeIds: scope.spokeIds })).map((member) => member.personId))];
}

export async function advocacyNumbers(db: Database, scope: InsightsScope, range: InsightsRange) {
  const people = await sharersInScope(db, scope);
  const where = and(eq(days.orgId, scope.orgId), gte(days.day, range.from), lte(days.day, range.to), people ? inArray(days.personId, people) : undefined);
  const [perDay, [distinct], settings] = await Promise.all([
    people?.length === 0 ? [] : db.select({
      day: days.day, shares: sql<number>`sum(${days.shares})::int`, reach: sql<number>`sum(${days.reach})::float8`,
      clicks: sql<number>`sum(${days.clicks})::float8`, uniqueClicks: sql<number>`sum(${days.uniqueClicks})::float8`,
    }).from(days).where(where).groupBy(days.day),
    people?.length === 0 ? [{ sharers: 0, stories: 0 }] : db.select({
      sharers: sql<number>`count(distinct ${days.personId})::int`, stories: sql<number>`count(distinct ${days.storyId})::int`,
    }).from(days).where(where),
    advocacySettingsOf(db, scope.orgId),
  ]);
  const found = new Map(perDay.map(({ day, ...numbers }) => [day, numbers]));
  const series = bucketStartsOf(range, 'day').map((start) => ({ day: start.toISOString().slice(0, 10), ...(found.get(start.toISOString().slice(0, 10)) ?? none()) }));
  const totals = series.reduce((sum, day) => ({
    shares: sum.shares + day.shares, reach: sum.reach + day.reach, clicks: sum.clicks + day.clicks, uniqueClicks: sum.uniqueClicks + day.uniqueClicks,
  }), none());
  return {
    ...totals, sharers: distinct!.sharers, stories: distinct!.stories, earnedMediaValue: earnedMediaValueOf(totals, settings.earnedMediaValue), formula: formulaOf(settings.earnedMediaValue), days: series,
  };
}
