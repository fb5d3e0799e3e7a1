// The response-time and SLA tables: per group of a grouping (the organization, each
// spoke, each person, or each day, week or month of the range), conversations opened
// and replies, first response and resolution times (count, mean, median, 90th
// percentile, in seconds) and SLA attainment (met ÷ (met + missed), of those with a due
// time). Times are wall-clock from when routing opened the conversation.
import type { Database } from '../../db/index.ts';
import { spokeMembershipsOf, spokeNamesOf, staffByIds } from '../people/index.ts';
import { conversationCounts, noCounts, responsePercentiles, sliceOf, type ConversationCounts, type Grouping, type Percentiles } from './conversation-numbers.ts';
import type { InsightsRange } from './insights-range.ts';
import type { InsightsScope } from './insights-scope.ts';
import { HUB_QUEUE, NONE } from './rollup-keys.ts';
import { bucketStartsOf } from './time-buckets.ts';

export interface GroupLabel {
  /** The spoke or person id (null: the hub's queue, or the whole scope), or the bucket's first instant (ISO). */
  key: string | null;
  /** The spoke's or person's name. */
  name: string | null;
}

/** A label and the group it names in the rollup answers. */
type Labelled = GroupLabel & { group: string };

export interface ResponseTimes { count: number; meanSeconds: number | null; medianSeconds: number | null; p90Seconds: number | null }
export interface SlaAttainment { met: number; missed: number; attainment: number | null }

export interface ConversationRow extends GroupLabel {
  opened: number;
  replies: number;
  firstResponse: ResponseTimes & { sla: SlaAttainment };
  resolution: ResponseTimes & { sla: SlaAttainment };
}

const timeGroupings = new Set<Grouping>(['day', 'week', 'month']);

const timesOf = (count: number, seconds: number, percentiles: Percentiles | undefined): ResponseTimes => ({
  count, meanSeconds: count === 0 ? null : Math.round(seconds / count), medianSeconds: percentiles?.median ?? null, p90Seconds: percentiles?.p90 ?? null,
});
const slaOf = (met: number, missed: number): SlaAttainment => ({ met, missed, attainment: met + missed === 0 ? null : met / (met + missed) });

/** The people a spoke lead's person table covers: their spokes' members; null (everyone) for the hub. */
async function peopleInScope(db: Database, scope: InsightsScope): Promise<string[] | null> {
  if (!scope.spokeIds) return null;
  return [...new Set((await spokeMembershipsOf(db, scope.orgId, { spokeIds: scope.spokeIds })).map((member) => member.personId))];
}

/** Labels for the groups found (and, for time, every bucket of the range). */
async function labelsOf(db: Database, scope: InsightsScope, range: InsightsRange, grouping: Grouping, groups: string[]): Promise<Labelled[]> {
  if (grouping === 'org') return [{ group: scope.orgId, key: null, name: null }];
  if (timeGroupings.has(grouping)) {
    return bucketStartsOf(range, grouping as 'day' | 'week' | 'month').map((start) => ({ group: String(start.getTime()), key: start.toISOString(), name: null }));
  }
  if (grouping === 'spoke') {
    const names = await spokeNamesOf(db, scope.orgId, groups.filter((group) => group !== NONE));
    return groups.map((group) => (group === NONE ? { group, key: null, name: HUB_QUEUE } : { group, key: group, name: names.get(group) ?? null }));
  }
  const names = new Map((await staffByIds(db, scope.orgId, groups)).map((person) => [person.personId, person.name]));
  return groups.map((group) => ({ group, key: group, name: names.get(group) ?? null }));
}

/** Which people rows to answer: the busiest first (most first responses, then replies). */
export interface PersonPage { limit: number; offset: number }
/** Every person at once: for CSV exports. */
export const ALL_PEOPLE: PersonPage = { limit: 10_000, offset: 0 };

/** The groups to answer: every group, or for people one page of them, busiest first (only these need histograms). */
function groupsToAnswer(grouping: Grouping, numbers: Map<string, ConversationCounts>, page: PersonPage): string[] {
  if (grouping !== 'person') return [...numbers.keys()];
  return [...numbers].sort(([, a], [, b]) => b.firstResponses - a.firstResponses || b.replies - a.replies)
    .slice(page.offset, page.offset + page.limit).map(([personId]) => personId);
}

/**
 * One row per group, and how many groups there are (people come a page at a time);
 * `withPercentiles` false skips the histograms (the SLA table needs none).
 */
export async function conversationTable(
  db: Database, scope: InsightsScope, range: InsightsRange, grouping: Grouping, withPercentiles: boolean, page: PersonPage = ALL_PEOPLE,
): Promise<{ rows: ConversationRow[]; total: number }> {
  const slice = sliceOf(scope, range, grouping, grouping === 'person' ? await peopleInScope(db, scope) : null);
  if (slice.keys?.length === 0) return { rows: [], total: 0 };
  const numbers = await conversationCounts(db, scope.orgId, slice);
  const groups = groupsToAnswer(grouping, numbers, page);
  // Histograms are read per key (their index leads with it): the spokes or people found, or the page of people.
  const measured = slice.group === 'key' ? { ...slice, keys: groups } : slice;
  const none = new Map<string, Percentiles>();
  const [firstResponse, resolution] = withPercentiles && groups.length > 0
    ? await Promise.all([responsePercentiles(db, scope.orgId, measured, 'first_response'), responsePercentiles(db, scope.orgId, measured, 'resolution')])
    : [none, none];
  const labels = await labelsOf(db, scope, range, grouping, groups);
  const rows = labels.map(({ group, key, name }) => {
    const found: ConversationCounts = numbers.get(group) ?? noCounts();
    return {
      key, name, opened: found.opened, replies: found.replies,
      firstResponse: { ...timesOf(found.firstResponses, found.firstResponseSeconds, firstResponse.get(group)), sla: slaOf(found.firstResponseSlaMet, found.firstResponseSlaMissed) },
      resolution: { ...timesOf(found.resolutions, found.resolutionSeconds, resolution.get(group)), sla: slaOf(found.resolutionSlaMet, found.resolutionSlaMissed) },
    };
  });
  if (grouping === 'spoke') rows.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  return { rows, total: grouping === 'person' ? numbers.size : rows.length };
}
