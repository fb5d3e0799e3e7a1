// Leaderboards: points in a period, overall or for one spoke, top N with rank, name,
// spokes, points and badges. Ties are broken the same way every time: more points
// first, then whoever reached their total first (the earlier last award), then by
// person id; ranks are positions in that order. People who left are not ranked, nor
// anyone without points in the period. The hub may switch leaderboards off: then no
// one sees them (hub admins included; they can switch them back on), and each person
// still sees their own points and badges (my-recognition.ts).
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { AppError, notFound } from '../../../errors.ts';
import { requireAccess, staffByIds, type Actor } from '../../people/index.ts';
import { advocacyBadges, advocacyPoints } from '../advocacy.schema.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { periodOf, viewPeriod, type Period, type PeriodQuery } from './periods.ts';
import { spokeMembershipOf } from './spoke-members.ts';

export interface LeaderboardQuery extends PeriodQuery {
  spokeId?: string;
  limit: number;
}

export interface Standing { personId: string; name: string; points: number }

/** The column within the period: from included, to excluded. */
export function inPeriod(column: AnyColumn | SQL, period: Period): SQL | undefined {
  return and(
    period.from ? sql`${column} >= ${period.from.toISOString()}::timestamptz` : undefined,
    period.to ? sql`${column} < ${period.to.toISOString()}::timestamptz` : undefined,
  );
}

/** Everyone with points in the period (among `personIds` when given), in rank order. */
export async function standingsOf(db: Database, orgId: string, period: Period, personIds?: readonly string[]): Promise<Standing[]> {
  if (personIds?.length === 0) return [];
  const points = sql<number>`sum(${advocacyPoints.points})::int`;
  const rows = await db.select({ personId: advocacyPoints.personId, points }).from(advocacyPoints)
    .where(and(eq(advocacyPoints.orgId, orgId), inPeriod(advocacyPoints.at, period), personIds ? inArray(advocacyPoints.personId, [...personIds]) : undefined))
    .groupBy(advocacyPoints.personId).having(sql`sum(${advocacyPoints.points}) > 0`)
    .orderBy(sql`${points} desc`, sql`max(${advocacyPoints.at}) asc`, advocacyPoints.personId);
  const people = new Map((await staffByIds(db, orgId, rows.map((row) => row.personId))).map((person) => [person.personId, person]));
  return rows.flatMap((row) => {
    const person = people.get(row.personId);
    return person && person.status !== 'left' ? [{ ...row, name: person.name }] : [];
  });
}

/** 1-based rank of the person among the standings, or null when unranked. */
export const rankOf = (standings: readonly Standing[], personId: string | null): number | null => {
  const index = personId ? standings.findIndex((standing) => standing.personId === personId) : -1;
  return index === -1 ? null : index + 1;
};

export async function assertLeaderboardsOn(db: Database, orgId: string): Promise<void> {
  if (!(await advocacySettingsOf(db, orgId)).leaderboards) throw new AppError('LEADERBOARDS_OFF');
}

async function badgeCountsOf(db: Database, orgId: string, personIds: readonly string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.select({ personId: advocacyBadges.personId, badges: sql<number>`count(*)::int` }).from(advocacyBadges)
    .where(and(eq(advocacyBadges.orgId, orgId), inArray(advocacyBadges.personId, [...personIds]))).groupBy(advocacyBadges.personId);
  return new Map(rows.map((row) => [row.personId, row.badges]));
}

export async function leaderboard(db: Database, actor: Actor, query: LeaderboardQuery, now = new Date()) {
  requireAccess(actor, 'advocacy.join');
  await assertLeaderboardsOn(db, actor.orgId);
  const period = periodOf(query, 'month', now);
  const membership = await spokeMembershipOf(db, actor);
  const spoke = query.spokeId ? membership.spokes.find((candidate) => candidate.id === query.spokeId) : undefined;
  if (query.spokeId && !spoke) throw notFound('Spoke');
  const standings = await standingsOf(db, actor.orgId, period, spoke ? [...membership.membersOf.get(spoke.id)!] : undefined);
  const top = standings.slice(0, query.limit);
  const badges = await badgeCountsOf(db, actor.orgId, top.map((standing) => standing.personId));
  return {
    period: viewPeriod(period),
    spoke: spoke ? { id: spoke.id, name: spoke.name } : null,
    items: top.map((standing, index) => ({
      rank: index + 1, personId: standing.personId, name: standing.name,
      spokes: (membership.spokesOf.get(standing.personId) ?? []).map(({ id, name }) => ({ id, name })),
      points: standing.points, badges: badges.get(standing.personId) ?? 0,
    })),
    ranked: standings.length,
    myRank: rankOf(standings, actor.personId),
  };
}
