// Lists of stories: the management list (filters, newest first, keyset pages) and a
// volunteer's feed: live stories that have started and whose audience includes them
// (an empty audience list means everyone), current ones first, then those that
// ended in the last two weeks, shown as expired.
import { and, desc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { requireAccess, staffByIds, type Actor } from '../../people/index.ts';
import { stories, storyOrigins, storyStatuses } from '../advocacy.schema.ts';
import { viewStory, visibleStories, type StoryView } from './story-views.ts';

export interface StoryListQuery {
  status?: (typeof storyStatuses)[number];
  origin?: (typeof storyOrigins)[number];
  spokeId?: string;
  limit: number;
  cursor?: string;
}

export async function listStories(db: Database, actor: Actor, query: StoryListQuery): Promise<{ items: StoryView[]; nextCursor: string | null }> {
  requireAccess(actor, 'advocacy.join');
  let after: SQL | undefined;
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2) as [string, string];
    after = sql`(${stories.createdAt}, ${stories.id}) < (${createdAt}::timestamptz, ${id}::uuid)`;
  }
  const rows = await db.select().from(stories).where(and(
    eq(stories.orgId, actor.orgId), visibleStories(actor), after,
    query.status ? eq(stories.status, query.status) : undefined, query.origin ? eq(stories.origin, query.origin) : undefined, query.spokeId ? eq(stories.spokeId, query.spokeId) : undefined,
  )).orderBy(desc(stories.createdAt), desc(stories.id)).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map((row) => viewStory(row)), nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}

/** How long a story stays in the feed after it ended, shown as expired. */
const EXPIRED_SHOWN_DAYS = 14;
const FEED_SIZE = 100;

const textArray = (values: readonly string[]) => sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
const uuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;

export async function storyFeed(db: Database, actor: Actor, now = new Date()): Promise<StoryView[]> {
  requireAccess(actor, 'advocacy.join');
  const [person] = actor.personId ? await staffByIds(db, actor.orgId, [actor.personId]) : [];
  const spokeIds = actor.roles.flatMap((grant) => (grant.spokeId ? [grant.spokeId] : []));
  const skills = (person?.skills ?? []).map((skill) => skill.topic.toLowerCase());
  const languages = (person?.languages ?? []).map((language) => language.toLowerCase());
  const shownSince = new Date(now.getTime() - EXPIRED_SHOWN_DAYS * 86_400_000);
  const rows = await db.select().from(stories).where(and(
    eq(stories.orgId, actor.orgId), eq(stories.status, 'live'),
    or(isNull(stories.startsAt), lte(stories.startsAt, now)),
    or(isNull(stories.endsAt), gt(stories.endsAt, shownSince)),
    sql`(cardinality(${stories.audienceSpokeIds}) = 0 or ${stories.audienceSpokeIds} && ${uuidArray(spokeIds)})`,
    sql`(cardinality(${stories.audienceSkills}) = 0 or ${stories.audienceSkills} && ${textArray(skills)})`,
    sql`(cardinality(${stories.audienceLanguages}) = 0 or ${stories.audienceLanguages} && ${textArray(languages)})`,
  )).orderBy(sql`(${stories.endsAt} is not null and ${stories.endsAt} <= ${now.toISOString()}::timestamptz) asc`, desc(sql`coalesce(${stories.startsAt}, ${stories.createdAt})`)).limit(FEED_SIZE);
  return rows.map((row) => viewStory(row, now));
}
