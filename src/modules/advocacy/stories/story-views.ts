// A story as the API shows it, and who may see which: reviewers (PR leads org-wide,
// spoke leads for their spokes) see what they look after, everyone sees live stories
// and their own suggestions. A live story past its end date shows as expired.
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { notFound } from '../../../errors.ts';
import { can, requireAccess, type Actor } from '../../people/index.ts';
import { stories } from '../advocacy.schema.ts';

export type StoryRow = typeof stories.$inferSelect;
export type StoryView = Omit<StoryRow, 'orgId'> & { expired: boolean };

export function viewStory(row: StoryRow, now = new Date()): StoryView {
  const { orgId: _orgId, ...story } = row;
  const expired = row.status === 'expired' || (row.endsAt !== null && row.endsAt <= now);
  return { ...story, status: expired && row.status === 'live' ? 'expired' : row.status, expired };
}

/** True when the story may be shared at this moment: live, started and not ended. */
export function isShareable(story: StoryRow, now: Date): boolean {
  return story.status === 'live' && (story.startsAt === null || story.startsAt <= now) && (story.endsAt === null || story.endsAt > now);
}

const ledSpokesOf = (actor: Actor) => actor.roles.filter((grant) => grant.role === 'spoke_lead' && grant.spokeId).map((grant) => grant.spokeId!);

/** Which of the organization's stories the actor may see; undefined: all of them. */
export function visibleStories(actor: Actor): SQL | undefined {
  if (can(actor, 'stories.review', { spokeId: null })) return undefined;
  const led = ledSpokesOf(actor);
  return or(eq(stories.status, 'live'), actor.personId ? eq(stories.createdBy, actor.personId) : undefined, led.length > 0 ? inArray(stories.spokeId, led) : undefined);
}

export async function storyFor(db: Database, actor: Actor, storyId: string): Promise<StoryRow> {
  requireAccess(actor, 'advocacy.join');
  const [row] = await db.select().from(stories).where(and(eq(stories.orgId, actor.orgId), eq(stories.id, storyId), visibleStories(actor)));
  if (!row) throw notFound('The story');
  return row;
}
