// Benchmark of storing mentions (src/modules/listening/mention-store.ts): how many posts
// per second storeMentions stores, on PGlite and (when TEST_DATABASE_URL is set) on
// PostgreSQL, measured two ways on the same generated posts:
//   baseline: the former per-post path (one transaction and 5-6 statements per post),
//             kept below as a copy for comparison only;
//   set-based: the current storeMentions (a few statements per chunk of posts).
// Each is also timed re-delivering the same posts (all duplicates). Every measurement
// gets its own freshly migrated database, dropped afterwards (src/db/test-database.ts).
// Posts are generated from a fixed seed, so runs compare.
// Writes bench/results/ingest.json; docs/benchmarks.md discusses the numbers.
//
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ingest
//   BENCH_POSTS=5000 BENCH_BATCH=500 BENCH_BASELINE_POSTS=2000 npm run bench:ingest   # a quicker one
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseDriver } from '../src/db/index.ts';
import { createTestDatabase, testDrivers } from '../src/db/test-database.ts';
import { createOrganization } from '../src/modules/people/index.ts';
import { conversations, mentions, sources } from '../src/modules/listening/listening.schema.ts';
import { storeMentions, type PostToStore } from '../src/modules/listening/mention-store.ts';
import { SeededRandom } from './generate-listening-data.ts';

const postCount = Number(process.env.BENCH_POSTS ?? 20_000);
const batchSize = Number(process.env.BENCH_BATCH ?? 500);
/** The baseline is slow (about 5 ms a post); it can be measured on the first posts only. */
const baselineCount = Math.min(postCount, Number(process.env.BENCH_BASELINE_POSTS ?? postCount));
const replyShare = 0.1;
const drivers = (process.env.BENCH_DRIVERS?.split(',') as DatabaseDriver[] | undefined) ?? testDrivers();

const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------
// BASELINE ONLY: a copy of storeMention / storeMentions as they were before the
// set-based rewrite (one transaction per post: existence check, parent lookup, orphan
// lookup, conversation insert, mention insert, conversation update). Not used by Herd.
// ---------------------------------------------------------------------------------
type StoreFunction = (
  db: Database, orgId: string, sourceId: string, posts: PostToStore[],
  topicsFor: (post: PostToStore) => string[], keep: (topicIds: string[]) => boolean, receivedAt?: Date,
) => Promise<{ stored: number; duplicates: number; ignored: number; mentionIds: string[] }>;

function baselinePostedAt(post: PostToStore, receivedAt: Date): Date {
  const parsed = post.createdAt ? new Date(post.createdAt) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : receivedAt;
}

async function baselineConversationFor(db: Database, orgId: string, sourceId: string, post: PostToStore, at: Date): Promise<string> {
  const relatives = [];
  if (post.inReplyToExternalId) {
    relatives.push(and(eq(mentions.sourceId, sourceId), eq(mentions.externalId, post.inReplyToExternalId)));
  }
  relatives.push(and(eq(mentions.sourceId, sourceId), eq(mentions.inReplyToExternalId, post.externalId)));
  for (const relative of relatives) {
    const [found] = await db.select({ conversationId: mentions.conversationId }).from(mentions).where(and(eq(mentions.orgId, orgId), relative)).limit(1);
    if (found) return found.conversationId;
  }
  const [created] = await db.insert(conversations).values({ orgId, sourceId, startedAt: at, lastMentionAt: at }).returning({ id: conversations.id });
  return created!.id;
}

async function baselineStoreMention(
  db: Database, orgId: string, sourceId: string, post: PostToStore, topicIds: string[], receivedAt = new Date(),
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: mentions.id }).from(mentions)
      .where(and(eq(mentions.orgId, orgId), eq(mentions.sourceId, sourceId), eq(mentions.externalId, post.externalId)));
    if (existing) return undefined;
    const at = baselinePostedAt(post, receivedAt);
    const conversationId = await baselineConversationFor(tx, orgId, sourceId, post, at);
    const [row] = await tx.insert(mentions).values({
      orgId, sourceId, conversationId, externalId: post.externalId, inReplyToExternalId: post.inReplyToExternalId ?? null,
      authorHandle: post.author?.handle ?? null, authorName: post.author?.displayName ?? null,
      authorFollowers: post.author?.followers ?? null, authorProfileUrl: post.author?.profileUrl ?? null,
      title: post.title ?? null, text: post.text, url: post.url ?? null, site: post.site ?? null, language: post.language ?? null,
      postedAt: at, receivedAt, topicIds, raw: post.raw ?? null,
    }).onConflictDoNothing().returning({ id: mentions.id });
    if (!row) {
      tx.rollback();
      return undefined;
    }
    await tx.update(conversations).set({
      mentionCount: sql`${conversations.mentionCount} + 1`,
      lastMentionAt: sql`greatest(${conversations.lastMentionAt}, ${at.toISOString()}::timestamptz)`,
      startedAt: sql`least(${conversations.startedAt}, ${at.toISOString()}::timestamptz)`,
    }).where(eq(conversations.id, conversationId));
    return row.id;
  }).catch((error) => {
    if ((error as Error).name === 'TransactionRollbackError') return undefined;
    throw error;
  });
}

const baselineStoreMentions: StoreFunction = async (db, orgId, sourceId, posts, topicsFor, keep, receivedAt = new Date()) => {
  const outcome = { stored: 0, duplicates: 0, ignored: 0, mentionIds: [] as string[] };
  for (const post of posts) {
    const topicIds = topicsFor(post);
    if (!keep(topicIds)) {
      outcome.ignored += 1;
      continue;
    }
    const id = await baselineStoreMention(db, orgId, sourceId, post, topicIds, receivedAt);
    if (id) {
      outcome.stored += 1;
      outcome.mentionIds.push(id);
    } else {
      outcome.duplicates += 1;
    }
  }
  return outcome;
};
// ------------------------------- end of the baseline -------------------------------

const words = ['parcel', 'refund', 'store', 'checkout', 'delivery', 'late', 'love', 'broken', 'Leeds', 'app', 'order', 'support',
  'great', 'never', 'again', 'staff', 'price', 'queue', 'return', 'size', 'colour', 'fast', 'slow', 'thanks'];

/**
 * `count` posts a few seconds apart; a tenth are replies, mostly to a recent earlier post
 * and sometimes to a post that arrives a little later (an orphan until its parent comes).
 */
function generatePosts(count: number): PostToStore[] {
  const random = new SeededRandom(20_240_601);
  const next = () => random.next();
  const started = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const text = Array.from({ length: 12 + Math.floor(next() * 24) }, () => words[Math.floor(next() * words.length)]).join(' ');
    const handle = `user${Math.floor(next() * 5_000)}`;
    const post: PostToStore = {
      externalId: `at://did:plc:${handle}/app.bsky.feed.post/${i.toString(36).padStart(8, '0')}`,
      text,
      url: `https://bsky.app/profile/${handle}/post/${i}`,
      language: 'en',
      createdAt: new Date(started + i * 3_000).toISOString(),
      author: { handle, displayName: `User ${handle}`, followers: Math.floor(next() * 10_000), profileUrl: `https://bsky.app/profile/${handle}` },
      raw: { seq: i },
    };
    if (i > 0 && next() < replyShare) {
      const later = next() < 0.2 && i + 50 < count;
      const parent = later ? i + 1 + Math.floor(next() * 50) : Math.max(0, i - 1 - Math.floor(next() * 200));
      post.inReplyToExternalId = `parent:${parent}`;
    }
    return post;
  }).map((post, _, all) => (post.inReplyToExternalId?.startsWith('parent:')
    ? { ...post, inReplyToExternalId: all[Number(post.inReplyToExternalId.slice('parent:'.length))]!.externalId }
    : post));
}

interface Measurement {
  driver: DatabaseDriver;
  implementation: 'baseline (per post)' | 'set-based';
  posts: number;
  batchSize: number;
  seconds: number;
  postsPerSecond: number;
  /** Storing the same posts again: every one a duplicate. */
  redeliveryPostsPerSecond: number;
  conversations: number;
  /** Conversations whose mention_count is not their number of mentions, or that hold none: always 0. */
  inconsistentConversations: number;
}

async function measure(driver: DatabaseDriver, implementation: Measurement['implementation'], store: StoreFunction, posts: PostToStore[]): Promise<Measurement> {
  const database = await createTestDatabase(driver);
  try {
    const { db } = database;
    const orgId = (await createOrganization(db, { slug: 'bench', name: 'Bench' })).id;
    const [source] = await db.insert(sources).values({ orgId, kind: 'bluesky', name: 'Jetstream' }).returning();
    const sourceId = source!.id;
    const storeAll = async () => {
      const totals = { stored: 0, duplicates: 0 };
      const started = performance.now();
      for (let start = 0; start < posts.length; start += batchSize) {
        const outcome = await store(db, orgId, sourceId, posts.slice(start, start + batchSize), () => [], () => true);
        totals.stored += outcome.stored;
        totals.duplicates += outcome.duplicates;
      }
      return { ...totals, seconds: (performance.now() - started) / 1000 };
    };
    const first = await storeAll();
    if (first.stored !== posts.length) throw new Error(`${implementation} on ${driver} stored ${first.stored} of ${posts.length}`);
    const again = await storeAll();
    if (again.duplicates !== posts.length) throw new Error(`${implementation} on ${driver} re-stored ${again.stored} posts`);
    const [check] = (await db.execute(sql`
      select count(*)::int as conversations,
        count(*) filter (where c.mention_count <> (select count(*) from mentions m where m.conversation_id = c.id) or c.mention_count = 0)::int as inconsistent
      from conversations c where c.source_id = ${sourceId}`) as unknown as { rows: { conversations: number; inconsistent: number }[] }).rows;
    const result: Measurement = {
      driver, implementation, posts: posts.length, batchSize,
      seconds: Number(first.seconds.toFixed(2)),
      postsPerSecond: Math.round(posts.length / first.seconds),
      redeliveryPostsPerSecond: Math.round(posts.length / again.seconds),
      conversations: check!.conversations,
      inconsistentConversations: check!.inconsistent,
    };
    log(`  ${driver} ${implementation}: ${result.postsPerSecond} posts/s (${result.seconds} s for ${posts.length}), re-delivery ${result.redeliveryPostsPerSecond} posts/s, ${result.conversations} conversations`);
    return result;
  } finally {
    await database.close();
  }
}

const startedAt = new Date();
const loadBefore = os.loadavg()[0];
const posts = generatePosts(postCount);
log(`${postCount} posts (${posts.filter((p) => p.inReplyToExternalId).length} replies) in batches of ${batchSize}; baseline on the first ${baselineCount}`);
const results: Measurement[] = [];
for (const driver of drivers) {
  results.push(await measure(driver, 'baseline (per post)', baselineStoreMentions, posts.slice(0, baselineCount)));
  results.push(await measure(driver, 'set-based', storeMentions, posts));
}
const speedup = Object.fromEntries(drivers.map((driver) => {
  const [before, after] = [results.find((r) => r.driver === driver && r.implementation !== 'set-based')!, results.find((r) => r.driver === driver && r.implementation === 'set-based')!];
  return [driver, { store: Number((after.postsPerSecond / before.postsPerSecond).toFixed(1)), redelivery: Number((after.redeliveryPostsPerSecond / before.redeliveryPostsPerSecond).toFixed(1)) }];
}));
const report = {
  date: startedAt.toISOString(),
  machine: {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageBefore: Number(loadBefore?.toFixed(2)),
    loadAverageAfter: Number(os.loadavg()[0]?.toFixed(2)),
  },
  posts: postCount,
  replyShare,
  batchSize,
  totalSeconds: Number(((Date.now() - startedAt.getTime()) / 1000).toFixed(1)),
  results,
  speedup,
};
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/ingest.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
