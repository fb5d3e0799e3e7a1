// Leases on sources, shared by the poller and the streamer: a worker claims due sources
// (SKIP LOCKED, with an expiry) so each is read by exactly one worker even with many
// running, and a crashed worker's lease simply runs out.
import { and, eq, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import type { GuardedHttp } from '../../connectors/index.ts';
import { sources } from './listening.schema.ts';

export type SourceRow = typeof sources.$inferSelect;

/** What a worker reading sources (the poller, the streamer) needs. */
export interface WorkerDeps {
  db: Database;
  http: GuardedHttp;
  /** Written as the lease owner; unique per worker process. */
  workerId: string;
  now?: () => Date;
  /** Jitter for the backoff, in [0, 1); fixed in tests. */
  random?: () => number;
  /** How long a claim lasts (unrenewed). */
  leaseMs?: number;
}

export interface ClaimRequest {
  workerId: string;
  /** Only sources of these connector kinds. */
  kinds: string[];
  now: Date;
  leaseMs: number;
  limit: number;
}

/** Leases up to `limit` active sources of the given kinds that are due and held by no live lease, longest-waiting first. */
export async function claimSources(db: Database, request: ClaimRequest): Promise<SourceRow[]> {
  if (request.kinds.length === 0 || request.limit <= 0) return [];
  const { now } = request;
  const due = db.select({ id: sources.id }).from(sources)
    .where(and(
      eq(sources.status, 'active'), lte(sources.nextPollAt, now), inArray(sources.kind, request.kinds),
      or(isNull(sources.leaseExpiresAt), lte(sources.leaseExpiresAt, now)),
    ))
    .orderBy(sources.nextPollAt).limit(request.limit).for('update', { skipLocked: true });
  return db.update(sources)
    .set({ leaseOwner: request.workerId, leaseExpiresAt: new Date(now.getTime() + request.leaseMs) })
    .where(inArray(sources.id, due)).returning();
}

/** Condition: this worker still holds the source's lease. */
export function heldBy(sourceId: string, workerId: string): SQL {
  return and(eq(sources.id, sourceId), eq(sources.leaseOwner, workerId))!;
}

/** Gives the lease up (if this worker still holds it), writing `changes` with it. */
export async function releaseLease(db: Database, sourceId: string, workerId: string, changes: Partial<SourceRow> = {}): Promise<void> {
  await db.update(sources).set({ ...changes, leaseOwner: null, leaseExpiresAt: null }).where(heldBy(sourceId, workerId));
}

/** Longest error or warning text kept on a source. */
export const MAX_MESSAGE = 1000;

/** An error as recorded in a source's health. */
export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, MAX_MESSAGE);
}
