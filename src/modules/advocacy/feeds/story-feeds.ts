// The company's own feeds (blog, newsroom) that stories come from: added, listed,
// changed (switched on or off, trusted to publish at once, moved to a spoke, renamed)
// and removed by whoever looks after the feed's stories. One feed per address in an
// organization. Every change is audited; a feed switched on is polled at once.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { isUniqueViolation } from '../../../db/index.ts';
import { conflict, notFound } from '../../../errors.ts';
import { recordAudit, requireAccess, spokeNamesOf, type Actor } from '../../people/index.ts';
import { storyFeeds } from '../advocacy.schema.ts';
import { scheduleStoryFeedPoll } from './poll-story-feed.job.ts';
import { managedFeeds, storyFeedFor, viewStoryFeed, type StoryFeedRow, type StoryFeedView } from './story-feed-view.ts';

export interface StoryFeedPatch {
  title?: string;
  /** The spoke whose leads review its stories; null: the hub. */
  spokeId?: string | null;
  /** New items go live at once instead of waiting in review. */
  autoApprove?: boolean;
  enabled?: boolean;
}
export interface StoryFeedInput extends StoryFeedPatch { url: string }

/** What the audit log shows of a feed. */
const audited = (row: StoryFeedRow) => ({ url: row.url, title: row.title, spokeId: row.spokeId, autoApprove: row.autoApprove, enabled: row.enabled });

/** The actor may look after feeds of this spoke (null: the hub's), and the spoke is the organization's. */
async function requireSpoke(db: Database, actor: Actor, spokeId: string | null): Promise<void> {
  requireAccess(actor, 'stories.review', { spokeId });
  if (spokeId && !(await spokeNamesOf(db, actor.orgId, [spokeId])).has(spokeId)) throw notFound('The spoke');
}

const urlTaken = () => conflict('This organization already has a story feed at that address.', { field: 'body.url' });

export async function listStoryFeeds(db: Database, actor: Actor): Promise<StoryFeedView[]> {
  const rows = await db.select().from(storyFeeds).where(and(eq(storyFeeds.orgId, actor.orgId), managedFeeds(actor)))
    .orderBy(asc(storyFeeds.title), asc(storyFeeds.url));
  return rows.map(viewStoryFeed);
}

export async function addStoryFeed(db: Database, actor: Actor, input: StoryFeedInput): Promise<StoryFeedView> {
  const spokeId = input.spokeId ?? null;
  await requireSpoke(db, actor, spokeId);
  // One spelling per address, so the same feed typed twice is found as a duplicate.
  const url = new URL(input.url).href;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(storyFeeds).values({
      orgId: actor.orgId, url, title: input.title?.trim() ?? '', spokeId, autoApprove: input.autoApprove ?? false, enabled: input.enabled ?? true,
      nextPollAt: new Date(), createdBy: actor.personId,
    }).returning().catch((error) => { throw isUniqueViolation(error) ? urlTaken() : error; });
    await recordAudit(tx, actor, { action: 'story-feed.added', targetType: 'story_feed', targetId: row!.id, targetLabel: row!.title || row!.url, after: audited(row!) });
    await scheduleStoryFeedPoll(tx, row!);
    return viewStoryFeed(row!);
  });
}

export async function updateStoryFeed(db: Database, actor: Actor, feedId: string, patch: StoryFeedPatch): Promise<StoryFeedView> {
  const before = await storyFeedFor(db, actor, feedId);
  if (patch.spokeId !== undefined && patch.spokeId !== before.spokeId) await requireSpoke(db, actor, patch.spokeId);
  const switchedOn = patch.enabled === true && !before.enabled;
  return db.transaction(async (tx) => {
    const [row] = await tx.update(storyFeeds).set({
      ...(patch.title !== undefined && { title: patch.title.trim() }),
      ...(patch.spokeId !== undefined && { spokeId: patch.spokeId }),
      ...(patch.autoApprove !== undefined && { autoApprove: patch.autoApprove }),
      ...(patch.enabled !== undefined && { enabled: patch.enabled }),
      // Switched back on: read it now rather than at whatever time it was due when switched off.
      ...(switchedOn && { nextPollAt: new Date(), consecutiveFailures: 0 }),
      updatedAt: new Date(),
    }).where(and(eq(storyFeeds.orgId, actor.orgId), eq(storyFeeds.id, before.id))).returning();
    if (!row) throw notFound('The story feed');
    await recordAudit(tx, actor, { action: 'story-feed.changed', targetType: 'story_feed', targetId: row.id, targetLabel: row.title || row.url, before: audited(before), after: audited(row) });
    if (switchedOn) await scheduleStoryFeedPoll(tx, row);
    return viewStoryFeed(row);
  });
}

/** Removes the feed; the stories it brought stay, as stories of no feed. */
export async function removeStoryFeed(db: Database, actor: Actor, feedId: string): Promise<void> {
  const feed = await storyFeedFor(db, actor, feedId);
  await db.transaction(async (tx) => {
    await tx.delete(storyFeeds).where(and(eq(storyFeeds.orgId, actor.orgId), eq(storyFeeds.id, feed.id)));
    await recordAudit(tx, actor, { action: 'story-feed.removed', targetType: 'story_feed', targetId: feed.id, targetLabel: feed.title || feed.url, before: audited(feed) });
  });
}
