// Polls due sources. A worker leases a source (SKIP LOCKED, with an expiry), so each
// is polled by exactly one worker even with many running, and a crashed worker's
// lease simply runs out. Failures back off exponentially; the cursor moves only
// after the posts it covers are stored, so a crash re-reads rather than loses.
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { connectorFor, ConnectorError, nextPollDelay, type GuardedHttp } from '../../connectors/index.ts';
import { sources } from './listening.schema.ts';
import { storeMentions } from './mention-store.ts';
import { matchablePost, topicMatcherFor } from './topic-matcher.ts';

type SourceRow = typeof sources.$inferSelect;

export interface PollerDeps {
  db: Database;
  http: GuardedHttp;
  workerId: string;
  now?: () => Date;
  random?: () => number;
  leaseMs?: number;
}

export async function claimDueSource(deps: PollerDeps): Promise<SourceRow | undefined> {
  const now = deps.now?.() ?? new Date();
  const leaseUntil = new Date(now.getTime() + (deps.leaseMs ?? 120_000));
  const due = deps.db.select({ id: sources.id }).from(sources)
    .where(and(
      eq(sources.status, 'active'), lte(sources.nextPollAt, now),
      or(isNull(sources.leaseExpiresAt), lte(sources.leaseExpiresAt, now)),
    ))
    .orderBy(sources.nextPollAt).limit(1).for('update', { skipLocked: true });
  const [claimed] = await deps.db.update(sources)
    .set({ leaseOwner: deps.workerId, leaseExpiresAt: leaseUntil })
    .where(sql`${sources.id} = (${due})`).returning();
  return claimed;
}

export interface PollReport { sourceId: string; stored: number; duplicates: number; ignored: number; skipped: number; error?: string }

export async function pollSource(deps: PollerDeps, source: SourceRow): Promise<PollReport> {
  const now = deps.now ?? (() => new Date());
  const connector = connectorFor(source.kind);
  const release = { leaseOwner: null, leaseExpiresAt: null, lastPolledAt: now() };
  try {
    if (!connector?.poll) throw new Error(`the ${source.kind} connector cannot be polled`);
    const controller = new AbortController();
    const result = await connector.poll({ config: connector.parseConfig(source.config), cursor: source.cursor ?? null, http: deps.http, signal: controller.signal, now });
    const matcher = await topicMatcherFor(deps.db, source.orgId);
    const outcome = await storeMentions(deps.db, source.orgId, source.id, result.posts,
      (post) => matcher.match(matchablePost(post, source.name)),
      (topicIds) => source.matchMode === 'all' || topicIds.length > 0);
    await deps.db.update(sources).set({
      ...release, cursor: result.cursor, consecutiveFailures: 0, lastError: null, lastSuccessAt: now(),
      nextPollAt: new Date(now().getTime() + result.nextPollInMs),
    }).where(eq(sources.id, source.id));
    return { sourceId: source.id, ...outcome, skipped: result.skipped.length };
  } catch (error) {
    const failures = source.consecutiveFailures + 1;
    const retryAfterMs = error instanceof ConnectorError ? error.retryAfterMs : undefined;
    const delay = nextPollDelay(60_000, failures, retryAfterMs, deps.random ?? Math.random);
    const message = (error as Error).message.slice(0, 1000);
    await deps.db.update(sources).set({ ...release, consecutiveFailures: failures, lastError: message, nextPollAt: new Date(now().getTime() + delay) })
      .where(eq(sources.id, source.id));
    return { sourceId: source.id, stored: 0, duplicates: 0, ignored: 0, skipped: 0, error: message };
  }
}

/** Polls due sources one after another until the signal aborts; sleeps briefly when none is due. */
export async function runSourcePolling(deps: PollerDeps, signal: AbortSignal, idleMs = 1_000): Promise<void> {
  while (!signal.aborted) {
    const source = await claimDueSource(deps).catch(() => undefined);
    if (source) await pollSource(deps, source);
    else await new Promise((resolve) => setTimeout(resolve, idleMs).unref());
  }
}
