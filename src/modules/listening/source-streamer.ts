// Streams the sources whose connector can stream (Mastodon's streaming API, Bluesky's
// Jetstream, and their poll loops for accounts and searches). A worker claims a source
// with the same lease the poller uses and renews it while the stream runs, so each source
// is streamed by exactly one worker and a crashed worker's streams move on once its
// leases run out. Every few seconds the worker renews its leases, stops the streams of
// sources paused, deleted or changed since, and starts streams for sources it can claim.
// Batches are stored before their cursor, so a restart resumes where the last one ended.
// A stream that fails is recorded on the source and started again with backoff.
import { and, eq, inArray } from 'drizzle-orm';
import {
  connectorFor, ConnectorError, listConnectors, nextPollDelay, sleep, type Cursor, type IncomingPost,
} from '../../connectors/index.ts';
import { sources } from './listening.schema.ts';
import { ingestPosts } from './ingest-posts.ts';
import { claimSources, heldBy, messageOf, releaseLease, type SourceRow, type WorkerDeps } from './source-lease.ts';

/** leaseMs (default 60 s) is how soon a crashed worker's streams move to another worker. */
export interface StreamerDeps extends WorkerDeps {
  /** How often leases are renewed and sources rechecked (default 5 s). */
  checkEveryMs?: number;
  /** Delay before a failed stream starts again, doubled per failure in a row (default 5 s) up to retryMaxMs (default 1 h). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Most sources one worker streams at once (default 200). */
  maxStreams?: number;
  /** Told about the runner's own failures (e.g. the database unreachable during a check). */
  onError?: (error: unknown) => void;
}

/** One source being streamed by this worker. */
interface ActiveStream {
  source: SourceRow;
  controller: AbortController;
  /** Failures in a row, as recorded on the source. */
  failures: number;
  /** Health writes not awaited by the connector, finished before the lease is given up. */
  pending: Promise<void>;
  done: Promise<void>;
}

export type ActiveStreams = Map<string, ActiveStream>;

const CLAIMS_PER_CHECK = 20;

/** Kinds the streamer runs: every connector that can stream (and so is not polled). */
export function streamedKinds(): string[] {
  return listConnectors().filter((connector) => connector.stream).map((connector) => connector.kind);
}

/** Streams sources until the signal aborts, then stops every stream and gives its lease up. */
export async function runSourceStreaming(deps: StreamerDeps, signal: AbortSignal): Promise<void> {
  const active: ActiveStreams = new Map();
  try {
    while (!signal.aborted) {
      await checkStreams(deps, active).catch((error: unknown) => deps.onError?.(error));
      await sleep(deps.checkEveryMs ?? 5_000, signal);
    }
  } finally {
    await stopStreams(active);
  }
}

/** One round: renew the leases of the running streams, stopping those whose source changed, then start newly claimed ones. */
export async function checkStreams(deps: StreamerDeps, active: ActiveStreams): Promise<void> {
  await renewLeases(deps, active);
  await startClaimedStreams(deps, active);
}

export async function stopStreams(active: ActiveStreams): Promise<void> {
  const streams = [...active.values()];
  for (const stream of streams) stream.controller.abort();
  await Promise.all(streams.map((stream) => stream.done));
}

async function renewLeases(deps: StreamerDeps, active: ActiveStreams): Promise<void> {
  if (active.size === 0) return;
  const renewed = await deps.db.update(sources).set({ leaseExpiresAt: leaseEnd(deps) })
    .where(and(inArray(sources.id, [...active.keys()]), eq(sources.leaseOwner, deps.workerId), eq(sources.status, 'active')))
    .returning({ id: sources.id, updatedAt: sources.updatedAt });
  const updatedAt = new Map(renewed.map((row) => [row.id, row.updatedAt.getTime()]));
  for (const stream of active.values()) {
    // Paused, deleted or taken over: stop. Its settings changed: stop too; it is claimed again with the new ones.
    if (updatedAt.get(stream.source.id) !== stream.source.updatedAt.getTime()) stream.controller.abort();
  }
}

async function startClaimedStreams(deps: StreamerDeps, active: ActiveStreams): Promise<void> {
  const room = (deps.maxStreams ?? 200) - active.size;
  const claimed = await claimSources(deps.db, {
    workerId: deps.workerId, kinds: streamedKinds(), now: nowOf(deps), leaseMs: leaseMsOf(deps), limit: Math.min(room, CLAIMS_PER_CHECK),
  });
  for (const source of claimed) startStream(deps, active, source);
}

function startStream(deps: StreamerDeps, active: ActiveStreams, source: SourceRow): void {
  const stream: ActiveStream = { source, controller: new AbortController(), failures: source.consecutiveFailures, pending: Promise.resolve(), done: Promise.resolve() };
  active.set(source.id, stream);
  stream.done = runStream(deps, stream)
    .catch((error: unknown) => deps.onError?.(error))
    .finally(() => {
      if (active.get(source.id) === stream) active.delete(source.id);
    });
}

/** Runs the stream until it is stopped (then gives the lease up) or fails (then records why and when to retry). */
async function runStream(deps: StreamerDeps, stream: ActiveStream): Promise<void> {
  const outcome = await readStream(deps, stream).then(() => new Error('the stream ended by itself'), (error: unknown) => error);
  await stream.pending;
  if (stream.controller.signal.aborted) await releaseLease(deps.db, stream.source.id, deps.workerId);
  else await recordStreamFailure(deps, stream, outcome);
}

async function readStream(deps: StreamerDeps, stream: ActiveStream): Promise<void> {
  const { source, controller } = stream;
  const connector = connectorFor(source.kind);
  if (!connector?.stream) throw new Error(`the ${source.kind} connector cannot stream`);
  await connector.stream({
    config: connector.parseConfig(source.config), cursor: source.cursor ?? null, http: deps.http, signal: controller.signal, now: () => nowOf(deps),
    onPosts: (posts, cursor) => storeBatch(deps, stream, posts, cursor),
    onRecoverableError: (error) => noteRecoverableError(deps, stream, error),
  });
}

/** Stores a batch, then its cursor and the source's good health; stops the stream if another worker holds the source now. */
async function storeBatch(deps: StreamerDeps, stream: ActiveStream, posts: IncomingPost[], cursor: Cursor): Promise<void> {
  await ingestPosts(deps.db, stream.source, posts);
  const now = nowOf(deps);
  const kept = await deps.db.update(sources)
    .set({ cursor, consecutiveFailures: 0, lastError: null, lastSuccessAt: now, lastPolledAt: now })
    .where(heldBy(stream.source.id, deps.workerId)).returning({ id: sources.id });
  stream.failures = 0;
  if (kept.length === 0) stream.controller.abort();
}

/** The connector retries by itself; the source shows the failure meanwhile. */
function noteRecoverableError(deps: StreamerDeps, stream: ActiveStream, error: Error): void {
  stream.failures += 1;
  const changes = { consecutiveFailures: stream.failures, lastError: messageOf(error) };
  stream.pending = stream.pending
    .then(async () => {
      await deps.db.update(sources).set(changes).where(heldBy(stream.source.id, deps.workerId));
    })
    .catch((failure: unknown) => deps.onError?.(failure));
}

async function recordStreamFailure(deps: StreamerDeps, stream: ActiveStream, error: unknown): Promise<void> {
  const failures = stream.failures + 1;
  const retryAfterMs = error instanceof ConnectorError ? error.retryAfterMs : undefined;
  const delay = nextPollDelay(deps.retryBaseMs ?? 5_000, failures, retryAfterMs, deps.random ?? Math.random, deps.retryMaxMs ?? 3_600_000);
  const now = nowOf(deps);
  await releaseLease(deps.db, stream.source.id, deps.workerId, {
    consecutiveFailures: failures, lastError: messageOf(error), lastPolledAt: now, nextPollAt: new Date(now.getTime() + delay),
  });
}

function nowOf(deps: StreamerDeps): Date {
  return deps.now?.() ?? new Date();
}

function leaseMsOf(deps: StreamerDeps): number {
  return deps.leaseMs ?? 60_000;
}

function leaseEnd(deps: StreamerDeps): Date {
  return new Date(nowOf(deps).getTime() + leaseMsOf(deps));
}
