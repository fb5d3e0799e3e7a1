// Jobs and events as typed definitions. A module declares the jobs it runs; a job
// may subscribe to an event another (lower) module publishes, which is how an effect
// travels upwards without the lower module knowing who listens.
import type { Static, TSchema } from 'typebox';
import type { Database } from '../db/index.ts';
import type { Config } from '../config/index.ts';
import type { GuardedHttp } from '../connectors/index.ts';

export interface EventDefinition<S extends TSchema = TSchema> {
  /** `<module>.<what happened>`, e.g. `listening.mentions-stored`. */
  name: string;
  payload: S;
}

export interface JobContext {
  db: Database;
  orgId: string | null;
  jobId: number;
  /** Aborts when the worker stops; long handlers should give up and be retried. */
  signal: AbortSignal;
  /** The settings and outbound HTTP the worker was started with (absent in tests of jobs that need neither). */
  config?: Config;
  http?: GuardedHttp;
}

export interface JobDefinition<S extends TSchema = TSchema> {
  /** `<module>.<verb-noun>`, e.g. `triage.enrich-mentions`. */
  kind: string;
  payload: S;
  /** Run for every publication of this event, with the event's payload. */
  on?: EventDefinition<S>;
  /** Runs before the job is kept as failed (default 5); RETRY_WITHOUT_LIMIT for a job that keeps a chain of jobs going. */
  maxAttempts?: number;
  /**
   * Jobs of this kind for one organization that are due together run as one, with
   * their payloads combined: when work piles up, batches grow and each item costs less.
   */
  combine?(payloads: Static<S>[]): Static<S>;
  /**
   * Among the jobs a worker claimed together, higher runs first (default 0). The last
   * step before a person hears of a conversation outranks the first step of the next
   * batch and bookkeeping beside the pipeline: work already under way finishes first.
   */
  priority?: number;
  handle(payload: Static<S>, context: JobContext): Promise<void>;
}

/**
 * For a job that schedules its own successor (a feed's next poll, the next tick): were it
 * to give up after a database outage, the chain would end with nobody to restart it.
 * Retries settle at one an hour (retryDelayMs's cap); the number is the column's largest.
 */
export const RETRY_WITHOUT_LIMIT = 2 ** 31 - 1;

export const defineEvent = <S extends TSchema>(name: string, payload: S): EventDefinition<S> => ({ name, payload });
export const defineJob = <S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> => definition;

/** The kind of the queued job that fans an event out to its subscribers. */
export const eventJobKind = (event: EventDefinition | string) => `event:${typeof event === 'string' ? event : event.name}`;
