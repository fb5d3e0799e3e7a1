// Advocacy's numbers per day a share went out, per sharer and story, for the modules that
// roll them up (insights): shares, potential reach, and the clicks and unique clicks
// those shares earned so far. The per-share rows are measurement's own (share-numbers.ts),
// so the sums agree with advocacy's pages for a range ending today.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { perShare } from './share-numbers.ts';

export interface ShareDayNumbers { day: string; personId: string; storyId: string; shares: number; reach: number; clicks: number; uniqueClicks: number }

const DAY_MS = 86_400_000;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
/** Clicks are counted up to a day far ahead: all of them, however late they came. */
const FAR_AHEAD = new Date('9000-01-01T00:00:00.000Z');

/** Per UTC day the shares went out (from `since`'s day on; all days without it), per sharer and per story. */
export async function shareNumbersByDay(db: Database, orgId: string, since?: Date): Promise<ShareDayNumbers[]> {
  const start = since ? new Date(Math.floor(since.getTime() / DAY_MS) * DAY_MS) : new Date(0);
  const range = { from: dayOf(start), to: dayOf(FAR_AHEAD), start, end: new Date(FAR_AHEAD.getTime() + DAY_MS) };
  const { rows } = await db.execute(sql`${perShare({ orgId, spokeIds: null, personIds: null }, range, {})}
    select (p.shared_at at time zone 'UTC')::date::text as day, p.person_id as "personId", p.story_id as "storyId", count(*)::int as shares, sum(p.reach)::float8 as reach,
      sum(p.clicks)::float8 as clicks, sum(p.unique_clicks)::float8 as "uniqueClicks"
    from per_share as p group by 1, 2, 3 order by 1, 2, 3`) as unknown as { rows: ShareDayNumbers[] };
  return rows;
}
