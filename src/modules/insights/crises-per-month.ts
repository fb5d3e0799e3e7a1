// Crises per month: the alerts the crisis radar raised in each UTC month of the range
// (and how many of them someone acknowledged), optionally on some topics only. Read
// from crisis's alert list, newest first, until the range is passed: alerts are few (a
// handful a month), so nothing is rolled up.
import type { Database } from '../../db/index.ts';
import { listCrisisAlerts } from '../crisis/index.ts';
import { systemActor } from '../people/index.ts';
import type { InsightsRange } from './insights-range.ts';
import { bucketStartsOf } from './time-buckets.ts';

const PAGE = 200;

export interface CrisisMonth { month: string; alerts: number; acknowledged: number }

const monthOf = (at: Date) => at.toISOString().slice(0, 7);

export async function crisesPerMonth(db: Database, orgId: string, range: InsightsRange, topicIds?: readonly string[]): Promise<{ months: CrisisMonth[]; alerts: number }> {
  const months = new Map(bucketStartsOf(range, 'month').map((start) => [monthOf(start), { month: monthOf(start), alerts: 0, acknowledged: 0 }]));
  const topics = topicIds?.length ? new Set(topicIds) : null;
  let cursor: string | undefined;
  let passed = false;
  while (!passed) {
    const page = await listCrisisAlerts(db, systemActor(orgId), { limit: PAGE, cursor });
    for (const alert of page.items) {
      const raisedAt = new Date(alert.raisedAt);
      if (raisedAt < range.start) passed = true;
      if (raisedAt < range.start || raisedAt >= range.end || (topics && !topics.has(alert.topicId))) continue;
      const month = months.get(monthOf(raisedAt))!;
      month.alerts += 1;
      if (alert.acknowledgedAt) month.acknowledged += 1;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const rows = [...months.values()];
  return { months: rows, alerts: rows.reduce((sum, month) => sum + month.alerts, 0) };
}
