// The worker side of a browser Herd, run in the test's process as `herd start` runs it:
// every module's jobs (triage, routing, publishing, …) and the streamed sources, so a
// mention goes through the real pipeline instead of the test calling its steps.
import type { BrowserHerd } from './browser-herd.ts';
import { modules } from '../../src/server/app.ts';
import { runJobWorker } from '../../src/jobs/index.ts';
import { runSourceStreaming } from '../../src/modules/listening/index.ts';
import { createGuardedHttp } from '../../src/connectors/index.ts';

export interface PipelineWorker {
  /** Failures the worker reported, to name in an assertion when something never arrives. */
  errors: string[];
  stop(): Promise<void>;
}

/** Starts the jobs and the streams; `allowHosts` are the local servers the connectors may reach. */
export function startPipelineWorker(herd: BrowserHerd, options: { allowHosts: string[] }): PipelineWorker {
  const errors: string[] = [];
  const stopping = new AbortController();
  const deps = { db: herd.database.db, http: createGuardedHttp({ allowHosts: options.allowHosts }), workerId: 'e2e-worker' };
  const jobs = runJobWorker({
    ...deps, config: herd.config, definitions: modules.flatMap((module) => module.jobs ?? []),
    onError: (error, job) => errors.push(`${job?.kind ?? 'queue'}: ${error.message}`),
  }, stopping.signal);
  // Checked every half second (not every 5 s) so a source created by the test streams at once.
  const streams = runSourceStreaming({ ...deps, checkEveryMs: 500, onError: (error) => errors.push(`streaming: ${String(error)}`) }, stopping.signal);
  return {
    errors,
    async stop() {
      stopping.abort();
      await Promise.all([jobs, streams]);
    },
  };
}
