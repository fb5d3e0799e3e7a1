// Advocacy's numbers rolled up per day a share went out, per sharer and story. Advocacy
// records clicks on the hot path of its redirect and publishes nothing, so insights
// sweeps its numbers (shareNumbersByDay) instead: the first sweep takes every day, later
// ones the last 30 days, whose shares still earn clicks, replacing those days' rows (a
// sweep run twice leaves the same rows). Clicks a share earns more than 30 days after it
// went out are not swept.
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { insertRows } from '../../db/index.ts';
import { shareNumbersByDay } from '../advocacy/index.ts';
import { insightsAdvocacyDays } from './insights.schema.ts';

const DAY_MS = 86_400_000;
/** Days back a sweep takes again: shares earn most of their clicks within days. */
export const ADVOCACY_SWEEP_DAYS = 30;

/** Replaces the swept days' rows; returns how many rows (day, sharer, story) it wrote. */
export async function sweepAdvocacy(db: Database, orgId: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    // One sweep of an organization at a time: two would delete each other's rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`insights-advocacy:${orgId}`}))`);
    const [swept] = await tx.select({ day: insightsAdvocacyDays.day }).from(insightsAdvocacyDays).where(eq(insightsAdvocacyDays.orgId, orgId)).limit(1);
    const since = swept ? new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - ADVOCACY_SWEEP_DAYS * DAY_MS) : undefined;
    const rows = await shareNumbersByDay(tx, orgId, since);
    await tx.delete(insightsAdvocacyDays).where(and(eq(insightsAdvocacyDays.orgId, orgId), since ? gte(insightsAdvocacyDays.day, since.toISOString().slice(0, 10)) : undefined));
    if (rows.length > 0) await tx.execute(insertRows(insightsAdvocacyDays, rows.map((row) => ({ orgId, ...row }))));
    return rows.length;
  });
}
