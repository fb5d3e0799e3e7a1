// Awarding badges: after points change for a person, their all-time stats are read
// and every badge they now earn and do not hold yet is stored, dated today. The
// primary key (person, badge) makes each badge once, however often this runs.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { advocacyBadges, advocacyPoints, linkClicks, shares } from '../advocacy.schema.ts';
import { badgesEarned, type RecognitionStats } from './badges.ts';

/** Shares that went out: opened through the compose link, or published through the network. */
export const sharesOut = sql`${shares.status} in ('opened', 'published')`;

export async function recognitionStatsOf(db: Database, orgId: string, personId: string): Promise<RecognitionStats> {
  const actions = (action: 'story_approved' | 'helpful_answer') => sql<number>`(select count(*)::int from ${advocacyPoints} p where p.org_id = ${orgId} and p.person_id = ${personId} and p.action = ${action})`;
  const [row] = await db.select({
    shares: sql<number>`count(*)::int`,
    networks: sql<number>`count(distinct ${shares.network})::int`,
    clicks: sql<number>`(select count(*)::int from ${linkClicks} c join ${shares} s on s.link_code = c.code where s.org_id = ${orgId} and s.person_id = ${personId})`,
    storiesApproved: actions('story_approved'),
    helpfulAnswers: actions('helpful_answer'),
  }).from(shares).where(and(eq(shares.orgId, orgId), eq(shares.personId, personId), sharesOut));
  return row!;
}

/** Stores the badges the person newly earned; their ids. */
export async function awardBadges(db: Database, orgId: string, personId: string): Promise<string[]> {
  const earned = badgesEarned(await recognitionStatsOf(db, orgId, personId));
  if (earned.length === 0) return [];
  const stored = await db.insert(advocacyBadges).values(earned.map((badge) => ({ orgId, personId, badge })))
    .onConflictDoNothing().returning({ badge: advocacyBadges.badge });
  return stored.map((row) => row.badge);
}
