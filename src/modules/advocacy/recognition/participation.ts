// Participation by spoke: is the programme reaching beyond marketing? For each spoke
// (department, store, region ...) in the period: its members, how many shared at least
// once, how many answered a customer (a published reply, see helpful-answer.job.ts),
// the share of members who did either, and the shares its members made. A person in
// two spokes counts in both; the totals count each person once. Shares count when
// they went out: published, opened at once, or opened at their scheduled time.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { requireAccess, type Actor } from '../../people/index.ts';
import { advocacyPoints, shares } from '../advocacy.schema.ts';
import { sharesOut } from './badge-awards.ts';
import { inPeriod } from './leaderboard.ts';
import { periodOf, viewPeriod, type PeriodQuery } from './periods.ts';
import { spokeMembershipOf } from './spoke-members.ts';

const sharedAt = sql`coalesce(${shares.publishedAt}, ${shares.scheduledFor}, ${shares.createdAt})`;

function participationOf(members: ReadonlySet<string>, sharesBy: ReadonlyMap<string, number>, answerers: ReadonlySet<string>) {
  let sharers = 0;
  let answered = 0;
  let participants = 0;
  let shareCount = 0;
  for (const personId of members) {
    const shared = sharesBy.get(personId) ?? 0;
    shareCount += shared;
    if (shared > 0) sharers++;
    if (answerers.has(personId)) answered++;
    if (shared > 0 || answerers.has(personId)) participants++;
  }
  const rate = members.size === 0 ? 0 : Math.round((participants / members.size) * 1000) / 1000;
  return { members: members.size, sharers, answerers: answered, participants, participation: rate, shares: shareCount };
}

export async function participationBySpoke(db: Database, actor: Actor, query: PeriodQuery, now = new Date()) {
  requireAccess(actor, 'advocacy.measure');
  const period = periodOf(query, 'month', now);
  const [membership, shared, answered] = await Promise.all([
    spokeMembershipOf(db, actor),
    db.select({ personId: shares.personId, shares: sql<number>`count(*)::int` }).from(shares)
      .where(and(eq(shares.orgId, actor.orgId), sharesOut, inPeriod(sharedAt, period))).groupBy(shares.personId),
    db.selectDistinct({ personId: advocacyPoints.personId }).from(advocacyPoints)
      .where(and(eq(advocacyPoints.orgId, actor.orgId), eq(advocacyPoints.action, 'helpful_answer'), inPeriod(advocacyPoints.at, period))),
  ]);
  const sharesBy = new Map(shared.map((row) => [row.personId, row.shares]));
  const answerers = new Set(answered.map((row) => row.personId));
  const everyone = new Set([...membership.membersOf.values()].flatMap((members) => [...members]));
  return {
    period: viewPeriod(period),
    items: membership.spokes.map((spoke) => ({ spokeId: spoke.id, name: spoke.name, kind: spoke.kind, ...participationOf(membership.membersOf.get(spoke.id)!, sharesBy, answerers) })),
    totals: participationOf(everyone, sharesBy, answerers),
  };
}
