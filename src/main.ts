// Starts Herd in one process: opens the database, applies migrations, seeds the demo
// on an empty database, serves the API and web app, and shuts down gracefully.
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config/index.ts';
import { keepTablesTidy, migrateDatabase, openDatabase, type HerdDatabase } from './db/index.ts';
import { buildApp, modules } from './server/app.ts';
import { runJobWorker } from './jobs/index.ts';
import type { HerdApp } from './server/herd-module.ts';
import { countOrganizations } from './modules/people/index.ts';
import { seedDemoWithStream, runDemoStream, serveDemoControl, applyDemoAction } from './demo/index.ts';
import { ensureWebAppBuilt } from './server/build-web-app.ts';
import { createGuardedHttp, startSmtpListener, type GuardedHttp, type SmtpListener } from './connectors/index.ts';
import { acceptsEmailFor, deliverEmail, runSourcePolling, runSourceStreaming } from './modules/listening/index.ts';

export const webRoot = fileURLToPath(new URL('../web/dist', import.meta.url));

export function databaseTargetOf(config: Config) {
  return config.databaseUrl
    ? { driver: 'postgres' as const, url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { driver: 'pglite' as const, dataDir: config.dataDir };
}

export async function openMigratedDatabase(config: Config): Promise<HerdDatabase> {
  const database = await openDatabase(databaseTargetOf(config));
  await migrateDatabase(database);
  return database;
}

export function outboundHttpOf(config: Config): GuardedHttp {
  return createGuardedHttp({ allowHosts: config.fetchAllowHosts, timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes, userAgent: 'Herd/0.1 (+social listening)' });
}

export interface RunningHerd { app: HerdApp; database: HerdDatabase; url: string; stop(): Promise<void> }

export async function startHerd(config: Config = loadConfig(), log: (line: string) => void = console.log): Promise<RunningHerd> {
  const database = await openMigratedDatabase(config);
  if (config.seedDemo && (await countOrganizations(database.db)) === 0) {
    const demo = await seedDemoWithStream(database.db, { passwordCost: config.passwordCost });
    for (const line of demo.lines) log(line);
    log('Made-up customer posts stream into the demo while Herd runs: `herd demo --stop` stops them, `herd demo --reset` removes the demo.');
  }
  const http = outboundHttpOf(config);
  const serveApi = config.roles.includes('api');
  if (serveApi) await ensureWebAppBuilt(log);
  const app = await buildApp({ config, database, http, webRoot: serveApi ? webRoot : undefined });
  const workers = new AbortController();
  const worker = { db: database.db, http, workerId: `${hostname()}:${process.pid}` };
  const runsWorker = config.roles.includes('worker');
  const polling = runsWorker ? runSourcePolling(worker, workers.signal) : Promise.resolve();
  const jobs = runsWorker
    ? runJobWorker({
      ...worker, config, definitions: modules.flatMap((module) => module.jobs ?? []),
      onError: (error, job) => app.log.error({ err: error, jobId: job?.id, kind: job?.kind }, 'job failed'),
    }, workers.signal)
    : Promise.resolve();
  const streaming = runsWorker
    ? runSourceStreaming({ ...worker, onError: (error) => app.log.error({ err: error }, 'streaming sources failed') }, workers.signal)
    : Promise.resolve();
  const demoStream = runsWorker
    ? runDemoStream({ db: database.db, log, onError: (error) => app.log.error({ err: error }, 'demo stream failed') }, workers.signal)
    : Promise.resolve();
  // On PGlite this process holds the data folder: `herd demo` in another process asks it to do the work.
  const demoControl = database.driver === 'pglite'
    ? serveDemoControl(config.dataDir, (action) => applyDemoAction(database.db, config, action), workers.signal, { onError: (error) => app.log.error({ err: error }, 'herd demo request failed') })
    : Promise.resolve();
  // PGlite runs no autovacuum: this process, which holds the data folder, does its work.
  const upkeep = database.driver === 'pglite'
    ? keepTablesTidy(database.db, workers.signal, { onError: (error) => app.log.error({ err: error }, 'table upkeep failed') })
    : Promise.resolve();
  const mail: SmtpListener | undefined = runsWorker && config.smtpPort !== undefined
    ? await startSmtpListener({
      port: config.smtpPort, host: config.host,
      acceptsRecipient: (recipient) => acceptsEmailFor(database.db, recipient),
      deliver: (recipients, post) => deliverEmail(database.db, recipients, post),
      onError: (error) => app.log.error({ err: error }, 'inbound mail failed'),
    })
    : undefined;
  if (mail) log(`Receiving mail for e-mail sources on ${config.host}:${mail.port}`);
  const address = serveApi ? await app.listen({ port: config.port, host: config.host }) : 'no HTTP (worker only)';
  const url = serveApi ? address.replace('127.0.0.1', 'localhost') : address;
  log(`Herd is running at ${url} on ${database.driver === 'pglite' ? `embedded PostgreSQL (PGlite) in ${database.location}` : `PostgreSQL ${database.location}`}`);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    workers.abort();
    await mail?.close();
    await app.close();
    await Promise.all([polling, streaming, jobs, demoStream, demoControl, upkeep]);
    await database.close();
  })());
  return { app, database, url, stop };
}

/** Stops on SIGINT/SIGTERM: finish in-flight requests, then close the database. */
export function stopOnSignals(herd: RunningHerd, log: (line: string) => void = console.log): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal} received, shutting down`);
      herd.stop().then(() => process.exit(0), (error) => {
        console.error(error);
        process.exit(1);
      });
    });
  }
}
