// Each organization's active topics, compiled together into one matcher, kept per
// process and rebuilt only when a topic changes (a fingerprint query tells).
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { topics } from './listening.schema.ts';
import { activeTopicsOf } from './topics.ts';
import { compileTopics, type CompiledTopics, type MatchablePost } from './query/index.ts';
import type { PostToStore } from './mention-store.ts';

const compiledByOrg = new Map<string, { fingerprint: string; matcher: CompiledTopics }>();

async function fingerprintOf(db: Database, orgId: string): Promise<string> {
  const [row] = await db.select({
    fingerprint: sql<string>`coalesce(string_agg(${topics.id}::text || '@' || ${topics.updatedAt}::text, ',' order by ${topics.id}), '')`,
  }).from(topics).where(and(eq(topics.orgId, orgId), eq(topics.active, true)));
  return row?.fingerprint ?? '';
}

export async function topicMatcherFor(db: Database, orgId: string): Promise<CompiledTopics> {
  const fingerprint = await fingerprintOf(db, orgId);
  const cached = compiledByOrg.get(orgId);
  if (cached?.fingerprint === fingerprint) return cached.matcher;
  // A topic changed since the fingerprint was read? Then the next call simply compiles again.
  const matcher = compileTopics(await activeTopicsOf(db, orgId));
  compiledByOrg.set(orgId, { fingerprint, matcher });
  return matcher;
}

/** What the matcher sees of a post: its text and the fields that field filters test. */
export function matchablePost(post: PostToStore, sourceName: string): MatchablePost {
  return {
    text: post.title ? `${post.title}\n${post.text}` : post.text,
    author: post.author?.handle,
    lang: post.language,
    source: sourceName,
    site: post.site,
    followers: post.author?.followers,
  };
}
