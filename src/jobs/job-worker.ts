// Runs queued jobs. Workers claim due jobs with FOR UPDATE SKIP LOCKED and a lease, so
// several workers (and processes) share the queue and a crashed worker's jobs are
// picked up once its lease runs out. A failed job is retried with backoff until its
// attempts are used up, then kept as 'failed' with its last error.
import { and, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import type { Database } from '../db/index.ts';
import type { Config } from '../config/index.ts';
import type { GuardedHttp } from '../connectors/index.ts';
import { jobs } from './jobs.schema.ts';
import { eventJobKind, type JobDefinition } from './job-definition.ts';
import { onJobsEnqueued, registerSubscriptions } from './job-queue.ts';

type JobRow = typeof jobs.$inferSelect;

export interface JobWorkerOptions {
  db: Database;
  definitions: readonly JobDefinition[];
  workerId: string;
  /** Handed to every job: the settings (e.g. outgoing mail) and HTTP to the outside through the SSRF guard. */
  config?: Config;
  http?: GuardedHttp;
  /** Jobs claimed at once (default 25). */
  batchSize?: number;
  /** How long a claimed job stays ours before another worker may take it (default 5 minutes). */
  leaseMs?: number;
  /** Wait between checks while the queue is empty (default 500 ms). */
  idleMs?: number;
  /** Finished jobs are deleted after this long (default 7 days). */
  keepFinishedMs?: number;
  /** Told of every failure: of a job (with the job), or of the queue itself. */
  onError?: (error: Error, job?: JobRow) => void;
}

const DEFAULT_BATCH_SIZE = 25;

/** Delay before retry n (1-based): 5 s, 10 s, 20 s … at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));

class JobRunner {
  private readonly byKind: Map<string, JobDefinition>;
  private readonly subscribers = new Map<string, JobDefinition[]>();
  /**
   * Jobs that ran to the end, not yet marked done: the next claim marks them in the same
   * statement (one round trip per pass instead of one per run), or markSucceeded does
   * before the worker waits or stops. Until then they stay leased to this worker.
   */
  private succeeded: number[] = [];

  constructor(private readonly options: JobWorkerOptions) {
    this.byKind = new Map(options.definitions.map((definition) => [definition.kind, definition]));
    registerSubscriptions(options.definitions);
    for (const definition of options.definitions) {
      if (!definition.on) continue;
      const kind = eventJobKind(definition.on);
      this.subscribers.set(kind, [...(this.subscribers.get(kind) ?? []), definition]);
    }
  }

  /** Claims due jobs (and jobs whose lease ran out) and runs them; returns how many it ran. */
  async runDueJobs(signal: AbortSignal): Promise<number> {
    const claimed = await this.claim();
    for (const group of this.combinable(claimed)) {
      if (signal.aborted) break;
      await this.run(group, signal);
    }
    return claimed.length;
  }

  /**
   * The claimed jobs in runs: those of a kind that combines, per organization, together;
   * others alone. Runs of higher priority first, otherwise in the order they were queued.
   */
  private combinable(claimed: JobRow[]): JobRow[][] {
    const runs = new Map<string, JobRow[]>();
    for (const job of claimed) {
      const key = this.byKind.get(job.kind)?.combine ? `${job.kind}\n${job.orgId}` : `#${job.id}`;
      runs.set(key, [...(runs.get(key) ?? []), job]);
    }
    const priorityOf = (run: JobRow[]) => this.byKind.get(run[0]!.kind)?.priority ?? 0;
    // Array.prototype.sort is stable: equal priorities keep the queue's order.
    return [...runs.values()].sort((a, b) => priorityOf(b) - priorityOf(a));
  }

  /** Marks the jobs that succeeded since the last claim done, and leases the next due ones, in one statement. */
  private async claim(): Promise<JobRow[]> {
    const { db, workerId, batchSize = DEFAULT_BATCH_SIZE, leaseMs = 5 * 60_000 } = this.options;
    const succeeded = this.succeeded;
    // One statement must not update a row twice: a succeeded job whose lease ran out is not claimed again.
    const notSucceeded = succeeded.length > 0 ? notInArray(jobs.id, succeeded) : undefined;
    // Each kind of due job through its own partial index, in its order: a plain index scan stops after a batch
    // and marks the entries of jobs already taken as dead as it passes them (one scan of both kinds at once
    // went through a bitmap of every stale entry until a vacuum).
    const lockDue = (status: 'queued' | 'running', dueAt: typeof jobs.runAt | typeof jobs.leaseExpiresAt) => db.select({ id: jobs.id }).from(jobs)
      .where(and(eq(jobs.status, status), lte(dueAt, sql`now()`), notSucceeded)).orderBy(dueAt).limit(batchSize).for('update', { skipLocked: true });
    const due = sql`select id from (${lockDue('queued', jobs.runAt)}) as queued union all select id from (${lockDue('running', jobs.leaseExpiresAt)}) as lease_ran_out`;
    const claiming = succeeded.length > 0 ? db.with(db.$with('succeeded').as(this.markDone(succeeded))) : db;
    const claimed = await claiming.update(jobs).set({
      status: 'running', lockedBy: workerId, attempts: sql`${jobs.attempts} + 1`,
      leaseExpiresAt: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
    }).where(sql`${jobs.id} in (${due})`).returning();
    this.succeeded = [];
    // RETURNING keeps no order: run (and combine) them in the order they were queued.
    return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
  }

  /** Done, unless another worker took the job over meanwhile (its lease ran out). */
  private markDone(ids: number[]) {
    return this.options.db.update(jobs).set({ status: 'done', finishedAt: sql`now()`, leaseExpiresAt: null, lastError: null })
      .where(and(inArray(jobs.id, ids), eq(jobs.lockedBy, this.options.workerId)));
  }

  /** Marks the jobs that succeeded done now: before the worker waits or stops, and after a single pass. */
  async markSucceeded(): Promise<void> {
    if (this.succeeded.length === 0) return;
    await this.markDone(this.succeeded);
    this.succeeded = [];
  }

  /** Runs jobs of one kind and organization as one; they succeed, or are retried, together. */
  private async run(group: JobRow[], signal: AbortSignal): Promise<void> {
    const first = group[0]!;
    try {
      if (first.kind.startsWith('event:')) await this.fanOut(first, this.subscribers.get(first.kind) ?? []);
      else await this.handle(group, signal);
      this.succeeded.push(...group.map((job) => job.id));
    } catch (error) {
      for (const job of group) await this.fail(job, error as Error);
    }
  }

  private async handle(group: JobRow[], signal: AbortSignal): Promise<void> {
    const first = group[0]!;
    const definition = this.byKind.get(first.kind);
    if (!definition) throw new Error(`no worker here runs jobs of kind "${first.kind}"`);
    for (const job of group) {
      if (Value.Check(definition.payload, job.payload)) continue;
      const problem = Value.Errors(definition.payload, job.payload)[0];
      throw new PermanentJobError(`the payload does not fit ${job.kind}: ${problem?.instancePath || '/'} ${problem?.message ?? ''}`);
    }
    const payload = group.length === 1 ? first.payload : definition.combine!(group.map((job) => job.payload));
    const { db, config, http } = this.options;
    await definition.handle(payload, { db, orgId: first.orgId, jobId: first.id, signal, config, http });
  }

  /** One job per subscriber, keyed by the event, so a retried fan-out adds none twice. */
  private async fanOut(event: JobRow, subscribers: JobDefinition[]): Promise<void> {
    if (subscribers.length === 0) return;
    await this.options.db.insert(jobs).values(subscribers.map((subscriber) => ({
      kind: subscriber.kind, payload: event.payload, orgId: event.orgId,
      key: `event:${event.id}:${subscriber.kind}`, maxAttempts: subscriber.maxAttempts ?? 5,
    }))).onConflictDoNothing({ target: jobs.key });
  }

  private async fail(job: JobRow, error: Error): Promise<void> {
    this.options.onError?.(error, job);
    const exhausted = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    await this.options.db.update(jobs).set(exhausted
      ? { status: 'failed', finishedAt: sql`now()`, leaseExpiresAt: null, lastError: error.message }
      : { status: 'queued', runAt: sql`now() + ${`${retryDelayMs(job.attempts)} milliseconds`}::interval`, leaseExpiresAt: null, lastError: error.message })
      .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.options.workerId)));
  }

  async deleteOldFinishedJobs(): Promise<void> {
    const keepMs = this.options.keepFinishedMs ?? 7 * 24 * 60 * 60_000;
    await this.options.db.delete(jobs).where(and(
      inArray(jobs.status, ['done', 'failed']), lte(jobs.finishedAt, sql`now() - ${`${keepMs} milliseconds`}::interval`),
    ));
  }
}

/** A job that retrying cannot fix (its payload is malformed): failed at once. */
export class PermanentJobError extends Error {}

/** One pass over the due jobs (for tests and tools): the jobs that ran are marked done before it returns. */
export async function runDueJobs(options: JobWorkerOptions, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const runner = new JobRunner(options);
  const ran = await runner.runDueJobs(signal);
  await runner.markSucceeded();
  return ran;
}

/** Runs jobs until signal aborts: straight on while there is work, otherwise waiting idleMs or until a job is enqueued here. */
export async function runJobWorker(options: JobWorkerOptions, signal: AbortSignal): Promise<void> {
  const runner = new JobRunner(options);
  let wake: (() => void) | undefined;
  let enqueuedMeanwhile: boolean;
  const stopListening = onJobsEnqueued(() => {
    enqueuedMeanwhile = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  let passes = 0;
  const markSucceeded = () => runner.markSucceeded().catch((error: Error) => options.onError?.(error));
  try {
    while (!signal.aborted) {
      let ran = 0;
      enqueuedMeanwhile = false;
      try {
        ran = await runner.runDueJobs(signal);
        if (++passes % 1000 === 1) await runner.deleteOldFinishedJobs();
      } catch (error) {
        options.onError?.(error as Error);
      }
      // Jobs enqueued during the pass (the next step of a pipeline, by the jobs that just ran) announce
      // themselves on the next turn of the event loop: hear them now, and claim them with the marking.
      await new Promise((resolve) => setImmediate(resolve));
      // A full batch may have left due jobs behind, and jobs enqueued here meanwhile are due;
      // otherwise the queue was empty when claimed: wait (other processes' jobs are found by the idle check).
      if (signal.aborted || ran >= (options.batchSize ?? DEFAULT_BATCH_SIZE) || enqueuedMeanwhile) continue;
      // The next claim would mark them done, but it may be idleMs away; a job enqueued meanwhile is claimed at once.
      await markSucceeded();
      if (enqueuedMeanwhile) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.idleMs ?? 500);
        wake = () => { clearTimeout(timer); resolve(); };
      });
      wake = undefined;
    }
  } finally {
    stopListening();
    signal.removeEventListener('abort', onAbort);
    await markSucceeded();
  }
}
