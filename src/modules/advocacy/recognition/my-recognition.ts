// A person's own recognition: points (in total and by action), what they did, the
// badges they hold with the day each was won and those still to earn, and their rank
// overall this week, this month and all time while leaderboards are on. Always theirs
// to see, leaderboards on or off.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { forbidden } from '../../../errors.ts';
import { requireAccess, type Actor } from '../../people/index.ts';
import { advocacyBadges, advocacyPoints, pointActions } from '../advocacy.schema.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { badgeById, badges } from './badges.ts';
import { recognitionStatsOf } from './badge-awards.ts';
import { rankOf, standingsOf } from './leaderboard.ts';
import { periodNames, periodOf } from './periods.ts';

async function ranksOf(db: Database, orgId: string, personId: string, now: Date) {
  const ranks = await Promise.all(periodNames.map(async (name) => [name, rankOf(await standingsOf(db, orgId, periodOf({ period: name }, name, now)), personId)] as const));
  return Object.fromEntries(ranks) as Record<(typeof periodNames)[number], number | null>;
}

export async function myRecognition(db: Database, actor: Actor, now = new Date()) {
  requireAccess(actor, 'advocacy.join');
  const personId = actor.personId;
  if (!personId) throw forbidden('Recognition is for people, not API tokens of the system.');
  const mine = and(eq(advocacyPoints.orgId, actor.orgId), eq(advocacyPoints.personId, personId));
  const [totals, held, stats, settings] = await Promise.all([
    db.select({ action: advocacyPoints.action, points: sql<number>`sum(${advocacyPoints.points})::int` }).from(advocacyPoints).where(mine).groupBy(advocacyPoints.action),
    db.select().from(advocacyBadges).where(and(eq(advocacyBadges.orgId, actor.orgId), eq(advocacyBadges.personId, personId))).orderBy(asc(advocacyBadges.awardedAt), asc(advocacyBadges.badge)),
    recognitionStatsOf(db, actor.orgId, personId),
    advocacySettingsOf(db, actor.orgId),
  ]);
  const byAction = pointActions.map((action) => ({ action, points: totals.find((row) => row.action === action)?.points ?? 0 }));
  const earned = new Set(held.map((row) => row.badge));
  return {
    points: byAction.reduce((sum, row) => sum + row.points, 0),
    byAction,
    stats,
    badges: held.flatMap((row) => {
      const badge = badgeById.get(row.badge);
      return badge ? [{ id: badge.id, name: badge.name, earnedBy: badge.earnedBy, awardedAt: row.awardedAt }] : [];
    }),
    toEarn: badges.filter((badge) => !earned.has(badge.id)).map(({ id, name, earnedBy }) => ({ id, name, earnedBy })),
    leaderboards: settings.leaderboards,
    rank: settings.leaderboards ? await ranksOf(db, actor.orgId, personId, now) : null,
  };
}
