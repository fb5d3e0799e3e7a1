// Starts Herd in one process: opens the database, applies migrations, seeds the demo
// on an empty database, serves the API and web app, and shuts down gracefully.
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config/index.ts';
import { migrateDatabase, openDatabase, type HerdDatabase } from './db/index.ts';
import { buildApp } from './server/app.ts';
import type { HerdApp } from './server/herd-module.ts';
import { countOrganizations } from './modules/people/index.ts';
import { seedAcmeRetail, DEMO_PASSWORD } from './demo/index.ts';
import { ensureWebAppBuilt } from './server/build-web-app.ts';
import { createGuardedHttp, type GuardedHttp } from './connectors/index.ts';
import { runSourcePolling } from './modules/listening/index.ts';

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
    const demo = await seedAcmeRetail(database.db, { passwordCost: config.passwordCost });
    log(`Seeded the "Acme Retail" demo. Sign in with any of these (password "${DEMO_PASSWORD}"):`);
    for (const signIn of demo.signIns) log(`  ${signIn.role.padEnd(11)} ${signIn.email}`);
  }
  const http = outboundHttpOf(config);
  const serveApi = config.roles.includes('api');
  if (serveApi) await ensureWebAppBuilt(log);
  const app = await buildApp({ config, database, http, webRoot: serveApi ? webRoot : undefined });
  const workers = new AbortController();
  const polling = config.roles.includes('worker')
    ? runSourcePolling({ db: database.db, http, workerId: `${hostname()}:${process.pid}` }, workers.signal)
    : Promise.resolve();
  const address = serveApi ? await app.listen({ port: config.port, host: config.host }) : 'no HTTP (worker only)';
  const url = serveApi ? address.replace('127.0.0.1', 'localhost') : address;
  log(`Herd is running at ${url} on ${database.driver === 'pglite' ? `embedded PostgreSQL (PGlite) in ${database.location}` : `PostgreSQL ${database.location}`}`);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    workers.abort();
    await app.close();
    await polling;
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
