// Putting work on the queue: jobs, and events that become a job for each subscriber.
// Both take a transaction, so work is enqueued exactly when the change that causes it
// commits. A process whose worker registered the subscriptions enqueues the
// subscribers' jobs directly; elsewhere the event waits as one job for a worker to fan out.
import type { Static, TSchema } from 'typebox';
import { and, eq, lte, sql } from 'drizzle-orm';
import { insertRows, type Database } from '../db/index.ts';
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

/** Jobs subscribed to each event (by name), as this process's workers registered them. */
const subscriptions = new Map<string, JobDefinition[]>();
export function registerSubscriptions(definitions: readonly JobDefinition[]): void {
  for (const definition of definitions) {
    if (!definition.on) continue;
    const subscribers = subscriptions.get(definition.on.name) ?? [];
    if (!subscribers.some((known) => known.kind === definition.kind)) subscriptions.set(definition.on.name, [...subscribers, definition]);
  }
}

interface JobRow { kind: string; payload: unknown; options: EnqueueOptions }

/** One statement however many jobs: hot paths enqueue whole batches. */
async function insertJobs(db: Database, rows: JobRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`${insertRows(jobs, rows.map(({ kind, payload, options }) => ({
    kind, payload, orgId: options.orgId ?? null, key: options.key ?? null, maxAttempts: options.maxAttempts ?? 5, runAt: options.runAt ?? null,
  // Due now by the database's clock, not this process's: workers compare run_at with the database's now().
  })), { defaults: { runAt: sql`now()` } })} on conflict (key) do nothing`);
  // Deferred, so a worker woken inside our transaction has a chance of seeing the row;
  // jobs for later (timers) wake nobody.
  const now = Date.now();
  if (rows.some(({ options }) => !options.runAt || options.runAt.getTime() <= now)) setImmediate(() => { for (const wake of wakeListeners) wake(); });
}

export function enqueueJob<S extends TSchema>(db: Database, job: JobDefinition<S>, payload: Static<S>, options: EnqueueOptions = {}): Promise<void> {
  return enqueueJobs(db, job, [{ payload, options }]);
}

export function enqueueJobs<S extends TSchema>(db: Database, job: JobDefinition<S>, entries: { payload: Static<S>; options?: EnqueueOptions }[]): Promise<void> {
  return insertJobs(db, entries.map(({ payload, options }) => ({ kind: job.kind, payload, options: { maxAttempts: job.maxAttempts, ...options } })));
}

export function publishEvent<S extends TSchema>(db: Database, event: EventDefinition<S>, payload: Static<S>, options: EnqueueOptions = {}): Promise<void> {
  const subscribers = subscriptions.get(event.name);
  if (!subscribers) return insertJobs(db, [{ kind: eventJobKind(event), payload, options }]);
  return insertJobs(db, subscribers.map((subscriber) => ({ kind: subscriber.kind, payload, options: { maxAttempts: subscriber.maxAttempts, ...options } })));
}

/** How long the longest-waiting due job has waited, in seconds (0 when none waits): readiness shows whether workers keep up. */
export async function oldestDueJobAgeSeconds(db: Database): Promise<number> {
  const [row] = await db.select({ age: sql<number>`coalesce(extract(epoch from now() - min(${jobs.runAt})), 0)::float8` })
    .from(jobs).where(and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)));
  return Math.max(0, Math.round(row?.age ?? 0));
}

/** Every job of an organization, queued or finished, removed (jobs name their organization without a foreign key, so removing it leaves them). */
export async function deleteJobsOf(db: Database, orgId: string): Promise<void> {
  await db.delete(jobs).where(eq(jobs.orgId, orgId));
}
