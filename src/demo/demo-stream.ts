// The demo stream: made-up customer posts sent into the demo organization one at a
// time, at the generator's pace, through the real pipeline (stored by listening as a
// file source's posts, then triaged, routed and shown live like any other). Its state
// is one row per organization (demo-stream.schema.ts): a restart carries on at the
// stored position, and a post is stored in the transaction that moves the position on,
// so none is sent twice (and were it sent again, its external id would be a duplicate).
import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { createSource, ingestPosts, type PostToStore } from '../modules/listening/index.ts';
import { findSpokeByName, systemActor } from '../modules/people/index.ts';
import { createRule } from '../modules/routing/index.ts';
import { DEMO_STREAM_SEED, demoPostAt, type DemoPost } from './demo-post-generator.ts';
import { demoStreams, type DemoStreamStatus } from './demo-stream.schema.ts';

export const DEMO_SOURCE_NAME = 'Demo: live stream';
/** The spoke of the demo's volunteer sign-in, and the languages it answers in for the whole company. */
const HUB_SPOKE = 'Social Hub';
const HUB_LANGUAGES = ['de', 'fr', 'es', 'pl'] as const;
/** A resumed stream sends its next post this soon. */
const RESUME_AFTER_MS = 2_000;

export interface DemoStreamView { status: DemoStreamStatus; postsSent: number; nextPostAt: Date }

const viewOf = (row: typeof demoStreams.$inferSelect): DemoStreamView => ({ status: row.status, postsSent: row.position, nextPostAt: row.nextPostAt });
const after = (now: Date, ms: number) => new Date(now.getTime() + ms);

export async function demoStreamOf(db: Database, orgId: string): Promise<DemoStreamView | undefined> {
  const [row] = await db.select().from(demoStreams).where(eq(demoStreams.orgId, orgId));
  return row && viewOf(row);
}

/**
 * Sets the stream up, running, unless the organization has one already (then it is left
 * as it is, stopped or not): its file source, and a rule that sends its posts in other
 * languages to the Social Hub, where the demo's volunteer works (always on shift, speaking
 * them all), so someone signed in as the volunteer sees conversations arrive within the
 * first minute: the stream opens with questions in German, French and Spanish.
 */
export async function ensureDemoStream(db: Database, orgId: string, now = new Date()): Promise<{ created: boolean; stream: DemoStreamView }> {
  const existing = await demoStreamOf(db, orgId);
  if (existing) return { created: false, stream: existing };
  return db.transaction(async (tx) => {
    const actor = systemActor(orgId, 'demo stream');
    const source = await createSource(tx, actor, {
      kind: 'file', name: DEMO_SOURCE_NAME, matchMode: 'all',
      config: { description: 'Made-up customer posts from Herd\'s demo stream; `herd demo --stop` stops them.' },
    });
    const hub = await findSpokeByName(tx, orgId, HUB_SPOKE);
    // First, so the stream's posts in other languages reach the hub's volunteer whatever their category.
    if (hub) {
      await createRule(tx, actor, {
        name: 'Demo stream: German, French, Spanish and Polish posts go to the Social Hub, whose volunteer speaks them',
        conditions: [{ field: 'source', anyOf: [source.id] }, { field: 'language', anyOf: [...HUB_LANGUAGES] }],
        actions: { routeTo: { spokeId: hub.id }, tags: ['demo'] },
      }, { first: true });
    }
    const [row] = await tx.insert(demoStreams).values({
      orgId, sourceId: source.id, seed: DEMO_STREAM_SEED, nextPostAt: after(now, demoPostAt(DEMO_STREAM_SEED, 0).gapMs),
    }).returning();
    return { created: true, stream: viewOf(row!) };
  });
}

/** Stops or resumes the stream; undefined when the organization has none. A resumed stream posts again within seconds. */
export async function setDemoStreamStatus(db: Database, orgId: string, status: DemoStreamStatus, now = new Date()): Promise<DemoStreamView | undefined> {
  const [row] = await db.update(demoStreams)
    .set({ status, updatedAt: now, ...(status === 'running' && { nextPostAt: after(now, RESUME_AFTER_MS) }) })
    .where(eq(demoStreams.orgId, orgId)).returning();
  return row && viewOf(row);
}

function postToStore(post: DemoPost, now: Date): PostToStore {
  return {
    externalId: post.externalId, text: post.text, url: post.url, site: post.site, createdAt: now.toISOString(),
    author: { handle: post.author.handle, displayName: post.author.displayName, followers: post.author.followers },
    ...(post.inReplyToExternalId && { inReplyToExternalId: post.inReplyToExternalId }),
  };
}

/**
 * Sends the organization's next post if its stream runs and the post is due; returns when
 * the one after it is due. The row is locked (skipped when another worker holds it), so
 * two workers never send the same post. The next post is timed from now, not from when
 * this one was due: after a pause or downtime the stream resumes its pace, it does not catch up.
 */
async function sendNextPost(db: Database, orgId: string, now: Date): Promise<Date | undefined> {
  return db.transaction(async (tx) => {
    const [stream] = await tx.select().from(demoStreams)
      .where(and(eq(demoStreams.orgId, orgId), eq(demoStreams.status, 'running'), lte(demoStreams.nextPostAt, now)))
      .for('update', { skipLocked: true });
    if (!stream) return undefined;
    const post = demoPostAt(stream.seed, stream.position);
    await ingestPosts(tx, { id: stream.sourceId, orgId, name: DEMO_SOURCE_NAME, matchMode: 'all' }, [postToStore(post, now)], now);
    const nextPostAt = after(now, demoPostAt(stream.seed, stream.position + 1).gapMs);
    await tx.update(demoStreams).set({ position: stream.position + 1, nextPostAt, updatedAt: now }).where(eq(demoStreams.orgId, orgId));
    return nextPostAt;
  });
}

export interface DemoStreamTick {
  /** Streams running now (in any organization). */
  running: number;
  sent: number;
  /** Until the next post of a running stream is due; null when none runs. */
  nextDueInMs: number | null;
}

/** Sends every running stream's post that is due. */
export async function sendDueDemoPosts(db: Database, now = new Date()): Promise<DemoStreamTick> {
  const running = await db.select({ orgId: demoStreams.orgId, nextPostAt: demoStreams.nextPostAt }).from(demoStreams).where(eq(demoStreams.status, 'running'));
  let sent = 0;
  const nextDue: number[] = [];
  for (const stream of running) {
    const next = stream.nextPostAt <= now ? await sendNextPost(db, stream.orgId, now) : stream.nextPostAt;
    if (next && next !== stream.nextPostAt) sent++;
    nextDue.push((next ?? stream.nextPostAt).getTime() - now.getTime());
  }
  return { running: running.length, sent, nextDueInMs: nextDue.length > 0 ? Math.max(0, Math.min(...nextDue)) : null };
}
