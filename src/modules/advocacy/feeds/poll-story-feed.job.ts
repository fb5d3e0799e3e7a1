// Polling a story feed: each new item becomes a story of the feed's spoke, live at once
// when the feed is trusted (auto-approve), otherwise waiting in review for its leads.
//
// Polling runs on the job queue, one keyed job per feed and due instant: the poll that
// finishes puts the next one on the queue in the same transaction, so polling goes on
// as long as the feed is switched on, with any number of workers. A poll first takes
// the feed: next_poll_at moves to the end of a short lease, and that instant is the
// poll's token: only the poll holding it writes what it read (a later "poll now"
// supersedes a running poll, whose outcome is then dropped whole). The claim also puts
// a job at the lease's end, so a poll that never finishes (a crashed worker) is polled
// again then. Failures back off exponentially from the 30-minute interval, capped. The
// job itself, failing on the database, is retried until it succeeds: the chain must not end.
import { Type } from 'typebox';
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { defineJob, enqueueJob, RETRY_WITHOUT_LIMIT } from '../../../jobs/index.ts';
import type { Database } from '../../../db/index.ts';
import { nextPollDelay, type GuardedHttp } from '../../../connectors/index.ts';
import { conflict } from '../../../errors.ts';
import { recordAudit, systemActor, type Actor } from '../../people/index.ts';
import { stories, storyFeeds } from '../advocacy.schema.ts';
import { chooseNewItems, storyOfFeedItem, type FeedItemStory } from './feed-item-story.ts';
import { readStoryFeed, StoryFeedReadError, type StoryFeedRead } from './read-story-feed.ts';
import { storyFeedFor, viewStoryFeed, type StoryFeedRow, type StoryFeedView } from './story-feed-view.ts';

/** How often a healthy feed is read; a company blog publishes a few times a day at most. */
export const STORY_FEED_INTERVAL_MS = 30 * 60_000;
/** How long a poll holds its feed; well under the interval, well over a read's 15 s deadline. */
const LEASE_MS = 2 * 60_000;
const DAY_MS = 86_400_000;
/** The first poll takes only what was published in the last two weeks: a feed's history is not news. */
const FIRST_POLL_WINDOW_MS = 14 * DAY_MS;
/** Later polls take items dated a little before the last read too: posts are often dated before they show in the feed. */
const LATER_POLL_MARGIN_MS = 2 * DAY_MS;
/** At most this many new stories per poll, newest first, so nobody is flooded. */
export const MAX_NEW_STORIES_PER_POLL = 20;
const MAX_ERROR_CHARS = 1000;

export interface StoryFeedPollReport {
  newStories: number;
  /** Items of the feed that are stories already. */
  alreadyKnown: number;
  /** Items that did not become stories: no link or date, too old, beyond the limit, or unreadable. */
  leftOut: number;
  /** The feed had not changed since the last read (HTTP 304). */
  notModified: boolean;
  error: string | null;
}

export const pollStoryFeedJob = defineJob({
  kind: 'advocacy.poll-story-feed',
  payload: Type.Object({ feedId: Type.String({ format: 'uuid' }) }),
  // Failures of the feed are recorded on it, not thrown: only the database failing retries the job.
  maxAttempts: RETRY_WITHOUT_LIMIT,
  handle: async ({ feedId }, context) => {
    if (!context.http) throw new Error('polling a story feed needs outbound HTTP');
    await pollDueStoryFeed(context.db, context.http, feedId, context.signal);
  },
});

/** Puts the feed's poll at its next_poll_at on the queue (once per feed and instant, however often asked). */
export async function scheduleStoryFeedPoll(db: Database, feed: Pick<StoryFeedRow, 'id' | 'orgId' | 'enabled' | 'nextPollAt'>): Promise<void> {
  if (!feed.enabled) return;
  await enqueueJob(db, pollStoryFeedJob, { feedId: feed.id }, { orgId: feed.orgId, runAt: feed.nextPollAt, key: `story-feed-poll:${feed.id}:${feed.nextPollAt.getTime()}` });
}

/** Polls the feed if it is switched on and due (by the database's clock, as the queue runs jobs); null when it was not. */
export async function pollDueStoryFeed(db: Database, http: GuardedHttp, feedId: string, signal?: AbortSignal): Promise<StoryFeedPollReport | null> {
  const feed = await claimFeed(db, and(eq(storyFeeds.id, feedId), eq(storyFeeds.enabled, true), lte(storyFeeds.nextPollAt, sql`now()`))!);
  return feed ? (await runPoll(db, http, feed, signal)).report : null;
}

/** "Poll now" from a lead: polls at once whether due or not, superseding a poll that may be running. */
export async function pollStoryFeedNow(db: Database, http: GuardedHttp, actor: Actor, feedId: string): Promise<StoryFeedPollReport & { feed: StoryFeedView }> {
  const found = await storyFeedFor(db, actor, feedId);
  const feed = found.enabled ? await claimFeed(db, and(eq(storyFeeds.id, found.id), eq(storyFeeds.enabled, true))!) : undefined;
  if (!feed) throw conflict('The feed is switched off; switch it on to poll it.', { enabled: false });
  const { row, report } = await runPoll(db, http, feed);
  return { feed: viewStoryFeed(row ?? feed), ...report };
}

async function claimFeed(db: Database, where: SQL): Promise<StoryFeedRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(storyFeeds).set({ nextPollAt: new Date(Date.now() + LEASE_MS) }).where(where).returning();
    if (row) await scheduleStoryFeedPoll(tx, row);
    return row;
  });
}

interface PollOutcome { row: StoryFeedRow | undefined; report: StoryFeedPollReport }

const emptyReport = (error: string | null, notModified = false): StoryFeedPollReport => ({ newStories: 0, alreadyKnown: 0, leftOut: 0, notModified, error });
const SUPERSEDED = 'Another poll of this feed started meanwhile; its result counts instead.';

async function runPoll(db: Database, http: GuardedHttp, feed: StoryFeedRow, signal?: AbortSignal): Promise<PollOutcome> {
  const now = new Date();
  let read: StoryFeedRead;
  try {
    read = await readStoryFeed(http, feed, { signal, now });
  } catch (error) {
    // A stopping worker is not the feed's fault: the job at the lease's end polls it again.
    if (signal?.aborted || !(error instanceof StoryFeedReadError)) throw error;
    return recordFailure(db, feed, error, now);
  }
  return recordRead(db, feed, read, now);
}

/** Writes the poll's outcome if it still holds the feed, and puts the next poll on the queue; undefined when superseded. */
async function writeOutcome(tx: Database, feed: StoryFeedRow, changes: Partial<StoryFeedRow> & { nextPollAt: Date }): Promise<StoryFeedRow | undefined> {
  const [row] = await tx.update(storyFeeds).set(changes).where(and(eq(storyFeeds.id, feed.id), eq(storyFeeds.nextPollAt, feed.nextPollAt))).returning();
  if (row) await scheduleStoryFeedPoll(tx, row);
  return row;
}

async function recordFailure(db: Database, feed: StoryFeedRow, error: StoryFeedReadError, now: Date): Promise<PollOutcome> {
  const failures = feed.consecutiveFailures + 1;
  const nextPollAt = new Date(now.getTime() + nextPollDelay(STORY_FEED_INTERVAL_MS, failures, error.retryAfterMs));
  const message = error.message.slice(0, MAX_ERROR_CHARS);
  const row = await db.transaction((tx) => writeOutcome(tx, feed, { consecutiveFailures: failures, lastError: message, nextPollAt }));
  return { row, report: emptyReport(row ? message : SUPERSEDED) };
}

async function recordRead(db: Database, feed: StoryFeedRow, read: StoryFeedRead, now: Date): Promise<PollOutcome> {
  return db.transaction(async (tx) => {
    const row = await writeOutcome(tx, feed, {
      lastPolledAt: now, consecutiveFailures: 0, lastError: null, nextPollAt: new Date(now.getTime() + STORY_FEED_INTERVAL_MS),
      ...(!read.notModified && { etag: read.etag, lastModified: read.lastModified }),
      // A feed added without a title takes the one it gives itself.
      ...(!read.notModified && !feed.title && read.feed.title && { title: read.feed.title.slice(0, 200) }),
    });
    if (!row) return { row, report: emptyReport(SUPERSEDED) };
    if (read.notModified) return { row, report: emptyReport(null, true) };
    const items = read.feed.posts.map(storyOfFeedItem);
    const known = await knownItemKeys(tx, feed, items.flatMap((item) => (item ? [item.key] : [])));
    // lastPolledAt is the previous successful read: none yet makes this the first poll.
    const since = new Date(feed.lastPolledAt ? feed.lastPolledAt.getTime() - LATER_POLL_MARGIN_MS : now.getTime() - FIRST_POLL_WINDOW_MS);
    const choice = chooseNewItems(items, known, since, MAX_NEW_STORIES_PER_POLL);
    const created = await createFeedStories(tx, row, choice.chosen);
    return {
      row,
      report: { newStories: created, alreadyKnown: choice.known + choice.chosen.length - created, leftOut: choice.leftOut + read.feed.skipped.length, notModified: false, error: null },
    };
  });
}

async function knownItemKeys(tx: Database, feed: StoryFeedRow, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.select({ key: stories.feedItemKey }).from(stories)
    .where(and(eq(stories.orgId, feed.orgId), eq(stories.feedId, feed.id), inArray(stories.feedItemKey, keys)));
  return new Set(rows.map((row) => row.key!));
}

/** The stories, each once (the unique feed item key holds even against a poll racing this one); returns how many are new. */
async function createFeedStories(tx: Database, feed: StoryFeedRow, items: FeedItemStory[]): Promise<number> {
  if (items.length === 0) return 0;
  const status = feed.autoApprove ? 'live' as const : 'in_review' as const;
  const rows = await tx.insert(stories).values(items.map((item) => ({
    orgId: feed.orgId, url: item.url, title: item.title, summary: item.summary, imageUrl: item.imageUrl, siteName: feed.title || null,
    status, origin: 'feed' as const, spokeId: feed.spokeId, feedId: feed.id, feedItemKey: item.key,
  }))).onConflictDoNothing({ target: [stories.orgId, stories.feedId, stories.feedItemKey] }).returning();
  const actor = systemActor(feed.orgId, 'story feed');
  for (const row of rows) {
    await recordAudit(tx, actor, {
      action: 'story.created', targetType: 'story', targetId: row.id, targetLabel: row.title,
      after: { url: row.url, status, origin: 'feed', feedId: feed.id, spokeId: row.spokeId },
    });
  }
  return rows.length;
}
