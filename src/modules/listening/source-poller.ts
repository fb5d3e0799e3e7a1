// Polls due sources. A worker leases a source (source-lease.ts), so each is polled by
// exactly one worker even with many running, and a crashed worker's lease simply runs
// out. A poll has a deadline inside its lease and stops when the worker shuts down.
// Failures back off exponentially from the source's own interval; the cursor moves only
// after the posts it covers are stored, so a crash re-reads rather than loses.
import {
  connectorFor, ConnectorError, listConnectors, nextPollDelay, sleep, type AnyConnector, type PollResult,
} from '../../connectors/index.ts';
import { ingestPosts } from './ingest-posts.ts';
import { claimSources, MAX_MESSAGE, messageOf, releaseLease, type SourceRow, type WorkerDeps } from './source-lease.ts';

export interface PollerDeps extends WorkerDeps {
  /** A poll still running after this long is abandoned as failed (default: three quarters of the lease). */
  pollTimeoutMs?: number;
}

const DEFAULT_LEASE_MS = 120_000;
/** The backoff base for a source whose connector names no interval of its own. */
const DEFAULT_INTERVAL_MS = 60_000;

/** Kinds the poller reads: connectors that can be polled and cannot stream (streams are run by source-streamer.ts). */
export function polledKinds(): string[] {
  return listConnectors().filter((connector) => connector.poll && !connector.stream).map((connector) => connector.kind);
}

export async function claimDueSource(deps: PollerDeps): Promise<SourceRow | undefined> {
  const [claimed] = await claimSources(deps.db, {
    workerId: deps.workerId, kinds: polledKinds(), now: deps.now?.() ?? new Date(), leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS, limit: 1,
  });
  return claimed;
}

export interface PollReport { sourceId: string; stored: number; duplicates: number; ignored: number; skipped: number; warnings: string[]; error?: string }

/** Polls one claimed source and stores what it yields; `stop` aborts the poll when the worker shuts down. */
export async function pollSource(deps: PollerDeps, source: SourceRow, stop?: AbortSignal): Promise<PollReport> {
  const connector = connectorFor(source.kind);
  const timeoutMs = deps.pollTimeoutMs ?? Math.round((deps.leaseMs ?? DEFAULT_LEASE_MS) * 0.75);
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = stop ? AbortSignal.any([stop, deadline]) : deadline;
  try {
    const result = await readSource(deps, connector, source, signal);
    const { stored, duplicates, ignored } = await ingestPosts(deps.db, source, result.posts);
    await recordPollSuccess(deps, source, result);
    return { sourceId: source.id, stored, duplicates, ignored, skipped: result.skipped.length, warnings: result.warnings };
  } catch (error) {
    if (stop?.aborted) {
      // Shutting down is not the source's fault: hand it back as due, untouched.
      await releaseLease(deps.db, source.id, deps.workerId);
      return emptyReport(source, 'stopped: the worker is shutting down');
    }
    const failure = deadline.aborted ? new ConnectorError('unavailable', `the poll did not finish within ${Math.round(timeoutMs / 1000)} s`) : error;
    return emptyReport(source, await recordPollFailure(deps, source, connector, failure));
  }
}

async function readSource(deps: PollerDeps, connector: AnyConnector | undefined, source: SourceRow, signal: AbortSignal): Promise<PollResult> {
  if (!connector?.poll) throw new Error(`the ${source.kind} connector cannot be polled`);
  const now = deps.now ?? (() => new Date());
  return connector.poll({ config: connector.parseConfig(source.config), cursor: source.cursor ?? null, http: deps.http, signal, now });
}

async function recordPollSuccess(deps: PollerDeps, source: SourceRow, result: PollResult): Promise<void> {
  const now = deps.now?.() ?? new Date();
  await releaseLease(deps.db, source.id, deps.workerId, {
    cursor: result.cursor, consecutiveFailures: 0, lastError: null, lastWarning: warningOf(result.warnings), lastSuccessAt: now, lastPolledAt: now,
    nextPollAt: new Date(now.getTime() + result.nextPollInMs),
  });
}

/** Records the failure on the source and schedules the next poll with backoff; returns the message recorded. */
async function recordPollFailure(deps: PollerDeps, source: SourceRow, connector: AnyConnector | undefined, error: unknown): Promise<string> {
  const now = deps.now?.() ?? new Date();
  const failures = source.consecutiveFailures + 1;
  const retryAfterMs = error instanceof ConnectorError ? error.retryAfterMs : undefined;
  const delay = nextPollDelay(pollIntervalOf(connector, source), failures, retryAfterMs, deps.random ?? Math.random);
  const message = messageOf(error);
  await releaseLease(deps.db, source.id, deps.workerId, {
    consecutiveFailures: failures, lastError: message, lastPolledAt: now, nextPollAt: new Date(now.getTime() + delay),
  });
  return message;
}

/** The source's own polling interval, the base its backoff starts from. */
export function pollIntervalOf(connector: AnyConnector | undefined, source: SourceRow): number {
  try {
    return connector?.pollIntervalMs?.(connector.parseConfig(source.config)) ?? DEFAULT_INTERVAL_MS;
  } catch {
    // A configuration the connector no longer accepts fails every poll; back off from the default.
    return DEFAULT_INTERVAL_MS;
  }
}

function warningOf(warnings: string[]): string | null {
  return warnings.length ? warnings.join('; ').slice(0, MAX_MESSAGE) : null;
}

function emptyReport(source: SourceRow, error: string): PollReport {
  return { sourceId: source.id, stored: 0, duplicates: 0, ignored: 0, skipped: 0, warnings: [], error };
}

/** Polls due sources one after another until the signal aborts; sleeps briefly when none is due. */
export async function runSourcePolling(deps: PollerDeps, signal: AbortSignal, idleMs = 1_000): Promise<void> {
  while (!signal.aborted) {
    const source = await claimDueSource(deps).catch(() => undefined);
    if (source) await pollSource(deps, source, signal).catch(() => undefined);
    else await sleep(idleMs, signal);
  }
}
