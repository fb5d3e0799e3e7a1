// A story feed as the API shows it, and who looks after which: hub admins and PR
// leads all of the organization's feeds, a spoke lead those of the spokes they lead
// (the same people who review the stories the feed brings). Anyone else may not
// manage feeds at all; a feed of another spoke is not found rather than forbidden.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { forbidden, notFound } from '../../../errors.ts';
import { can, type Actor } from '../../people/index.ts';
import { storyFeeds } from '../advocacy.schema.ts';

export type StoryFeedRow = typeof storyFeeds.$inferSelect;

/** The conditional-GET validators stay on the server: they mean nothing to a person. */
export type StoryFeedView = Omit<StoryFeedRow, 'orgId' | 'etag' | 'lastModified'>;

export function viewStoryFeed(row: StoryFeedRow): StoryFeedView {
  const { orgId: _orgId, etag: _etag, lastModified: _lastModified, ...feed } = row;
  return feed;
}

/** Which of the organization's feeds the actor looks after (undefined: all); refuses those who look after none. */
export function managedFeeds(actor: Actor): SQL | undefined {
  if (can(actor, 'stories.review', { spokeId: null })) return undefined;
  const led = actor.roles.flatMap((grant) => (grant.role === 'spoke_lead' && grant.spokeId ? [grant.spokeId] : []));
  if (led.length === 0) throw forbidden('Only hub admins, PR leads and spoke leads manage story feeds.');
  return inArray(storyFeeds.spokeId, led);
}

export async function storyFeedFor(db: Database, actor: Actor, feedId: string): Promise<StoryFeedRow> {
  const scope = managedFeeds(actor);
  const [row] = await db.select().from(storyFeeds).where(and(eq(storyFeeds.orgId, actor.orgId), eq(storyFeeds.id, feedId), scope));
  if (!row) throw notFound('The story feed');
  return row;
}
