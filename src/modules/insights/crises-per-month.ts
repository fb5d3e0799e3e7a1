// Crises per month: the crises opened (crisis rooms, by hand or from an alert) and the
// alerts the crisis radar raised in each UTC month of the range, with how many alerts
// someone acknowledged; optionally on some topics only. Read from crisis's lists, newest
// first, until the range is passed: both are few (a handful a month), so nothing is rolled up.
import type { Database } from '../../db/index.ts';
import { listCrisisAlerts, listCrises } from '../crisis/index.ts';
import { systemActor } from '../people/index.ts';
import type { InsightsRange } from './insights-range.ts';
import { bucketStartsOf } from './time-buckets.ts';

const PAGE = 200;

export interface CrisisMonth { month: string; crises: number; alerts: number; acknowledged: number }

const monthOf = (at: Date) => at.toISOString().slice(0, 7);

interface NewestFirst<T> { items: T[]; nextCursor: string | null }

/** Visits the items of a newest-first list that fall in the range, reading pages until the range is passed. */
async function eachInRange<T>(page: (cursor: string | undefined) => Promise<NewestFirst<T>>, at: (item: T) => Date, range: InsightsRange, visit: (item: T, at: Date) => void) {
  let cursor: string | undefined;
  for (;;) {
    const { items, nextCursor } = await page(cursor);
    for (const item of items) {
      const when = at(item);
      if (when >= range.start && when < range.end) visit(item, when);
    }
    const oldest = items.at(-1);
    if (!nextCursor || !oldest || at(oldest) < range.start) return;
    cursor = nextCursor;
  }
}

export async function crisesPerMonth(db: Database, orgId: string, range: InsightsRange, topicIds?: readonly string[]): Promise<{ months: CrisisMonth[]; crises: number; alerts: number }> {
  const months = new Map(bucketStartsOf(range, 'month').map((start) => [monthOf(start), { month: monthOf(start), crises: 0, alerts: 0, acknowledged: 0 }]));
  const topics = topicIds?.length ? new Set(topicIds) : null;
  const actor = systemActor(orgId);
  await eachInRange((cursor) => listCrisisAlerts(db, actor, { limit: PAGE, cursor }), (alert) => new Date(alert.raisedAt), range, (alert, raisedAt) => {
    if (topics && !topics.has(alert.topicId)) return;
    const month = months.get(monthOf(raisedAt))!;
    month.alerts += 1;
    if (alert.acknowledgedAt) month.acknowledged += 1;
  });
  await eachInRange((cursor) => listCrises(db, actor, { limit: PAGE, cursor }), (crisis) => new Date(crisis.openedAt), range, (crisis, openedAt) => {
    if (topics && !crisis.topicIds.some((id) => topics.has(id))) return;
    months.get(monthOf(openedAt))!.crises += 1;
  });
  const rows = [...months.values()];
  return { months: rows, crises: rows.reduce((sum, month) => sum + month.crises, 0), alerts: rows.reduce((sum, month) => sum + month.alerts, 0) };
}
