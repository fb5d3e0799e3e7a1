// Points for clicks earned. The redirect (links/) is the hot path, benchmarked at
// thousands of redirects a second, so it does no scoring: it only stores one row per
// link, day and visitor (link_clicks). This sweep, run per organization every hour,
// turns those rows into points: one advocacy_points row per share and UTC day
// (refId `YYYY-MM-DD:<share id>`), worth the day's unique visitors × the hub's click
// value. One row per share and day rather than per visitor keeps the table small, and
// rather than computing click points when they are read it gives clicks what the
// other actions have: a date in the points history (the day's first click), so periods
// and leaderboards treat them alike, and a moment when badges are checked.
//
// Idempotent: a row is recomputed while its day is still open (today and yesterday,
// since the sweep after midnight finishes yesterday), and added where missing for any
// day since the last day credited (a sweep that did not run for a while catches up);
// a closed day keeps the points it got, even if the hub changes the value later.
//
// The sweep schedules itself, one keyed job per hour slot, while the organization
// shares (a share in the last week, or clicks since yesterday); every new share
// schedules it again, so a quiet programme costs nothing. Clicks on old shares while it
// is stopped are credited, on their days, when the next share restarts it.
import { Type } from 'typebox';
import { and, desc, eq, gt, gte, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { defineJob, enqueueJob } from '../../../jobs/index.ts';
import { advocacyPoints, linkClicks, shares } from '../advocacy.schema.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { awardBadges, sharesOut } from './badge-awards.ts';
import { lockAward } from './award-lock.ts';

export const CLICK_POINTS_EVERY_MS = 60 * 60_000;
/** The sweep keeps running this long after the organization's last share. */
const KEEP_SWEEPING_AFTER_SHARE_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

export const awardClickPointsJob = defineJob({
  kind: 'advocacy.award-click-points',
  payload: Type.Object({ slot: Type.String({ format: 'date-time', description: 'the hour slot this sweep was scheduled for' }) }),
  // Slots that piled up while no worker ran are one sweep.
  combine: (payloads) => payloads.reduce((latest, payload) => (payload.slot > latest.slot ? payload : latest)),
  handle: async ({ slot }, { db, orgId }) => {
    // Never before its own slot, even if this process's clock is behind the database's (which
    // said it was due): the next slot must be a later one, or its key would be this job's.
    if (orgId) await awardClickPoints(db, orgId, new Date(Math.max(Date.now(), Date.parse(slot))));
  },
});

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Enqueues the sweep at the next hour slot (once per slot, however many ask). */
export async function scheduleClickPoints(db: Database, orgId: string, now = new Date()): Promise<void> {
  const slot = new Date(Math.floor(now.getTime() / CLICK_POINTS_EVERY_MS) * CLICK_POINTS_EVERY_MS + CLICK_POINTS_EVERY_MS);
  await enqueueJob(db, awardClickPointsJob, { slot: slot.toISOString() }, { orgId, runAt: slot, key: `advocacy-click-points:${orgId}:${slot.toISOString()}` });
}

export interface ClickPointsSweep {
  /** Share-days credited for the first time, and open share-days whose points changed. */
  added: number;
  updated: number;
}

/** Unique visitors per share and day, from `fromDay` (all days when null). */
function clicksPerShareDay(db: Database, orgId: string, fromDay: string | null) {
  return db.select({
    shareId: shares.id, personId: shares.personId, day: linkClicks.day,
    visitors: sql<number>`count(*)::int`,
    firstAt: sql<Date>`min(${linkClicks.firstAt})`.mapWith(linkClicks.firstAt),
  }).from(shares).innerJoin(linkClicks, eq(linkClicks.code, shares.linkCode))
    .where(and(eq(shares.orgId, orgId), sharesOut, fromDay ? gte(linkClicks.day, fromDay) : undefined))
    .groupBy(shares.id, shares.personId, linkClicks.day);
}

async function sharedLately(db: Database, orgId: string, now: Date): Promise<boolean> {
  const [recent] = await db.select({ id: shares.id }).from(shares)
    .where(and(eq(shares.orgId, orgId), sharesOut, gt(shares.createdAt, new Date(now.getTime() - KEEP_SWEEPING_AFTER_SHARE_MS)))).limit(1);
  return recent !== undefined;
}

export async function awardClickPoints(db: Database, orgId: string, now = new Date()): Promise<ClickPointsSweep> {
  return db.transaction(async (tx) => {
    await lockAward(tx, orgId, 'click-sweep');
    const settings = await advocacySettingsOf(tx, orgId);
    const yesterday = utcDay(new Date(now.getTime() - DAY_MS));
    const isClick = and(eq(advocacyPoints.orgId, orgId), eq(advocacyPoints.action, 'click'));
    // refIds start with the day, so the greatest is the last day credited.
    const [last] = await tx.select({ refId: advocacyPoints.refId }).from(advocacyPoints).where(isClick).orderBy(desc(advocacyPoints.refId)).limit(1);
    const lastDay = last?.refId.slice(0, 10);
    const fromDay = lastDay === undefined ? null : lastDay < yesterday ? lastDay : yesterday;

    const counted = await clicksPerShareDay(tx, orgId, fromDay);
    const stored = new Map((await tx.select({ id: advocacyPoints.id, refId: advocacyPoints.refId, points: advocacyPoints.points }).from(advocacyPoints)
      .where(and(isClick, fromDay ? gte(advocacyPoints.refId, fromDay) : undefined))).map((row) => [row.refId, row]));
    const additions: (typeof advocacyPoints.$inferInsert)[] = [];
    const changes: { id: number; points: number }[] = [];
    const people = new Set<string>();
    for (const day of counted) {
      const refId = `${day.day}:${day.shareId}`;
      const points = day.visitors * settings.points.click;
      const known = stored.get(refId);
      if (!known) additions.push({ orgId, personId: day.personId, action: 'click', points, refId, at: day.firstAt });
      else if (day.day >= yesterday && known.points !== points) changes.push({ id: known.id, points });
      else continue;
      people.add(day.personId);
    }
    if (additions.length > 0) await tx.insert(advocacyPoints).values(additions);
    if (changes.length > 0) {
      await tx.execute(sql`update ${advocacyPoints} set points = r.points
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as r(id bigint, points int) where ${advocacyPoints.id} = r.id`);
    }
    for (const personId of people) await awardBadges(tx, orgId, personId);
    if (counted.some((day) => day.day >= yesterday) || await sharedLately(tx, orgId, now)) await scheduleClickPoints(tx, orgId, now);
    return { added: additions.length, updated: changes.length };
  });
}
