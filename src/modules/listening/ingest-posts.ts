// The one step every channel shares once it has posts in hand (polled, streamed,
// pushed by webhook, imported from a file, received by e-mail): match them against
// the organization's topics and store them as the source's match mode says.
import type { Database } from '../../db/index.ts';
import type { sources } from './listening.schema.ts';
import { storeMentions, type PostToStore, type StoreOutcome } from './mention-store.ts';
import { matchablePost, topicMatcherFor } from './topic-matcher.ts';

/** The fields of a source that ingesting needs; a full source row fits. */
export type IngestTarget = Pick<typeof sources.$inferSelect, 'id' | 'orgId' | 'name' | 'matchMode'>;

export type IngestOutcome = StoreOutcome & { ignored: number };

// PostgreSQL text and jsonb cannot hold U+0000, which mail bodies and pushed JSON sometimes carry.
const withoutNul = (value: string) => value.replaceAll('\u0000', '');
const storable = (post: PostToStore): PostToStore =>
  JSON.parse(JSON.stringify(post, (_key, value: unknown) => (typeof value === 'string' ? withoutNul(value) : value))) as PostToStore;

/** Matches a batch against the org's active topics and stores it: every post in 'all' mode, only matching ones in 'topics' mode. */
export async function ingestPosts(db: Database, source: IngestTarget, posts: PostToStore[], receivedAt = new Date()): Promise<IngestOutcome> {
  if (posts.length === 0) return { stored: 0, duplicates: 0, ignored: 0, mentionIds: [] };
  const matcher = await topicMatcherFor(db, source.orgId);
  return storeMentions(db, source.orgId, source.id, posts.map(storable),
    (post) => matcher.match(matchablePost(post, source.name)),
    (topicIds) => source.matchMode === 'all' || topicIds.length > 0, receivedAt);
}
