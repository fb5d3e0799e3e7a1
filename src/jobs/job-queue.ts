// Putting work on the queue: jobs, and events that the worker fans out to the jobs
// subscribed to them. Both take a transaction, so work is enqueued exactly when the
// change that causes it commits.
import type { Static, TSchema } from 'typebox';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { jobs } from './jobs.schema.ts';
import { eventJobKind, type EventDefinition, type JobDefinition } from './job-definition.ts';

export interface EnqueueOptions {
  orgId?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Idempotency: a second job with the same key is not enqueued. */
  key?: string;
  maxAttempts?: number;
}

/** Wakes this process's worker at once instead of at its next idle check. */
const wakeListeners = new Set<() => void>();
export function onJobsEnqueued(listener: () => void): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

async function insertJob(db: Database, kind: string, payload: unknown, options: EnqueueOptions): Promise<void> {
  await db.insert(jobs).values({
    kind, payload, orgId: options.orgId ?? null, key: options.key ?? null, maxAttempts: options.maxAttempts ?? 5,
    ...(options.runAt && { runAt: options.runAt }),
  }).onConflictDoNothing({ target: jobs.key });
  // Deferred, so a worker woken inside our transaction has a chance of seeing the row.
  setImmediate(() => { for (const wake of wakeListeners) wake(); });
}

export function enqueueJob<S extends TSchema>(db: Database, job: JobDefinition<S>, payload: Static<S>, options: EnqueueOptions = {}): Promise<void> {
  return insertJob(db, job.kind, payload, { maxAttempts: job.maxAttempts, ...options });
}

export function publishEvent<S extends TSchema>(db: Database, event: EventDefinition<S>, payload: Static<S>, options: EnqueueOptions = {}): Promise<void> {
  return insertJob(db, eventJobKind(event), payload, options);
}

/** How long the longest-waiting due job has waited, in seconds (0 when none waits): readiness shows whether workers keep up. */
export async function oldestDueJobAgeSeconds(db: Database): Promise<number> {
  const [row] = await db.select({ age: sql<number>`coalesce(extract(epoch from now() - min(${jobs.runAt})), 0)::float8` })
    .from(jobs).where(and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)));
  return Math.max(0, Math.round(row?.age ?? 0));
}
