// Runs queued jobs. Workers claim due jobs with FOR UPDATE SKIP LOCKED and a lease, so
// several workers (and processes) share the queue and a crashed worker's jobs are
// picked up once its lease runs out. A failed job is retried with backoff until its
// attempts are used up, then kept as 'failed' with its last error.
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import type { Database } from '../db/index.ts';
import type { Config } from '../config/index.ts';
import type { GuardedHttp } from '../connectors/index.ts';
import { jobs } from './jobs.schema.ts';
import { eventJobKind, type JobDefinition } from './job-definition.ts';
import { onJobsEnqueued } from './job-queue.ts';

type JobRow = typeof jobs.$inferSelect;

export interface JobWorkerOptions {
  db: Database;
  definitions: readonly JobDefinition[];
  workerId: string;
  /** Handed to every job: the settings (e.g. outgoing mail) and HTTP to the outside through the SSRF guard. */
  config?: Config;
  http?: GuardedHttp;
  /** Jobs claimed at once (default 10). */
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

/** Delay before retry n (1-based): 5 s, 10 s, 20 s … at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));

class JobRunner {
  private readonly byKind: Map<string, JobDefinition>;
  private readonly subscribers = new Map<string, JobDefinition[]>();

  constructor(private readonly options: JobWorkerOptions) {
    this.byKind = new Map(options.definitions.map((definition) => [definition.kind, definition]));
    for (const definition of options.definitions) {
      if (!definition.on) continue;
      const kind = eventJobKind(definition.on);
      this.subscribers.set(kind, [...(this.subscribers.get(kind) ?? []), definition]);
    }
  }

  /** Claims due jobs (and jobs whose lease ran out) and runs them; returns how many it ran. */
  async runDueJobs(signal: AbortSignal): Promise<number> {
    const claimed = await this.claim();
    for (const job of claimed) {
      if (signal.aborted) break;
      await this.run(job, signal);
    }
    return claimed.length;
  }

  private async claim(): Promise<JobRow[]> {
    const { db, workerId, batchSize = 10, leaseMs = 5 * 60_000 } = this.options;
    const due = db.select({ id: jobs.id }).from(jobs).where(or(
      and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)),
      and(eq(jobs.status, 'running'), lte(jobs.leaseExpiresAt, sql`now()`)),
    )).orderBy(jobs.runAt).limit(batchSize).for('update', { skipLocked: true });
    return db.update(jobs).set({
      status: 'running', lockedBy: workerId, attempts: sql`${jobs.attempts} + 1`,
      leaseExpiresAt: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
    }).where(inArray(jobs.id, due)).returning();
  }

  private async run(job: JobRow, signal: AbortSignal): Promise<void> {
    const { db } = this.options;
    try {
      if (job.kind.startsWith('event:')) await this.fanOut(job, this.subscribers.get(job.kind) ?? []);
      else await this.handle(job, signal);
      await db.update(jobs).set({ status: 'done', finishedAt: sql`now()`, leaseExpiresAt: null, lastError: null })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.options.workerId)));
    } catch (error) {
      await this.fail(job, error as Error);
    }
  }

  private async handle(job: JobRow, signal: AbortSignal): Promise<void> {
    const definition = this.byKind.get(job.kind);
    if (!definition) throw new Error(`no worker here runs jobs of kind "${job.kind}"`);
    if (!Value.Check(definition.payload, job.payload)) {
      const first = Value.Errors(definition.payload, job.payload)[0];
      throw new PermanentJobError(`the payload does not fit ${job.kind}: ${first?.instancePath || '/'} ${first?.message ?? ''}`);
    }
    const { db, config, http } = this.options;
    await definition.handle(job.payload, { db, orgId: job.orgId, jobId: job.id, signal, config, http });
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

/** One pass over the due jobs, for tests and for the worker loop. */
export function runDueJobs(options: JobWorkerOptions, signal: AbortSignal = new AbortController().signal): Promise<number> {
  return new JobRunner(options).runDueJobs(signal);
}

/** Runs jobs until signal aborts: straight on while there is work, otherwise waiting idleMs or until a job is enqueued here. */
export async function runJobWorker(options: JobWorkerOptions, signal: AbortSignal): Promise<void> {
  const runner = new JobRunner(options);
  let wake: (() => void) | undefined;
  const stopListening = onJobsEnqueued(() => wake?.());
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  let passes = 0;
  try {
    while (!signal.aborted) {
      let ran = 0;
      try {
        ran = await runner.runDueJobs(signal);
        if (++passes % 1000 === 1) await runner.deleteOldFinishedJobs();
      } catch (error) {
        options.onError?.(error as Error);
      }
      if (ran > 0 || signal.aborted) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.idleMs ?? 500);
        wake = () => { clearTimeout(timer); resolve(); };
      });
      wake = undefined;
    }
  } finally {
    stopListening();
    signal.removeEventListener('abort', onAbort);
  }
}
