// Recognition: points for the actions the hub values, each action scoring once for
// what earned it (a share, an approved story, a published reply; clicks are counted
// per share and day by click-points.job.ts), at the hub's point value of the day.
// An action the hub values at 0 is still recorded, with 0 points: badges and the
// participation by spoke count what people did, not what it was worth.
import type { Database } from '../../../db/index.ts';
import { advocacyPoints, pointActions } from '../advocacy.schema.ts';
import type { AdvocacySettings } from '../shares/advocacy-settings.ts';
import { awardBadges } from './badge-awards.ts';
import { scheduleClickPoints } from './click-points.job.ts';

export type PointAction = (typeof pointActions)[number];

/**
 * Awards the points unless this action already scored for `refId`; true when awarded.
 * Then checks the person's badges, and for a share makes sure the clicks it earns will
 * be counted (the click-points sweep runs while the organization shares).
 */
export async function awardPoints(db: Database, settings: AdvocacySettings, award: { orgId: string; personId: string; action: PointAction; refId: string }, now = new Date()): Promise<boolean> {
  // The unique key on (org, action, ref) lets one of two concurrent awards in.
  const rows = await db.insert(advocacyPoints)
    .values({ orgId: award.orgId, personId: award.personId, action: award.action, points: settings.points[award.action], refId: award.refId })
    .onConflictDoNothing().returning({ id: advocacyPoints.id });
  if (rows.length === 0) return false;
  await awardBadges(db, award.orgId, award.personId);
  if (award.action === 'share') await scheduleClickPoints(db, award.orgId, now);
  return true;
}
