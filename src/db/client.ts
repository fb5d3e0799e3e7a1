// Opens Herd's database: the embedded PGlite (Postgres compiled to WebAssembly, a
// folder on disk) by default, or a PostgreSQL server when a URL is given. Both are
// driven through the same Drizzle API, schema and SQL.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { preparedStatementsClient, type PreparedPGliteClient } from './pglite-prepared.ts';
import { lockDataFolder } from './data-folder-lock.ts';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = 'pglite' | 'postgres';

export interface HerdDatabase {
  db: Database;
  driver: DatabaseDriver;
  target: DatabaseTarget;
  /** Where the data lives, safe to print (no password). */
  location: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { driver: 'pglite'; dataDir?: string; image?: Blob }
  | { driver: 'postgres'; url: string; poolSize?: number };

/**
 * PGlite's own defaults, without zero-filling new WAL segments. PGlite runs every query
 * on one thread, and filling a 16 MB segment with zeros (in memory: a buffer regrown and
 * copied some twenty times) stalled all work for 100–800 ms at each new segment, every
 * ~8 s at 200 mentions/s. The zeros only pre-allocate disk space on some file systems;
 * PGlite runs without fsync (-F), so they bought no durability here.
 * Statements are prepared once (pglite-prepared.ts) but still planned for each run's
 * values: a generic plan chosen while tables had no statistics yet (PGlite's are kept by
 * table-upkeep.ts, not by an autovacuum) brought the pipeline to a crawl at 150 mentions/s.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off', '-c', 'plan_cache_mode=force_custom_plan'];

export async function openDatabase(target: DatabaseTarget): Promise<HerdDatabase> {
  if (target.driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // A dropped server connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePostgres(pool, { schema }) as unknown as Database;
    await db.execute(sql`select 1`);
    return { db, driver: 'postgres', target, location: redactUrl(target.url), close: () => pool.end() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const unlock = target.dataDir ? lockDataFolder(target.dataDir) : () => {};
  try {
    const client = new PGlite({ dataDir: target.dataDir, loadDataDir: target.image, startParams: pgliteStartParams });
    await client.waitReady;
    const db = drizzlePglite({ client: preparedStatementsClient(client) as unknown as PGlite, schema }) as unknown as Database;
    return { db, driver: 'pglite', target, location: target.dataDir ?? 'memory', close: () => client.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** The PGlite client behind a database opened with the pglite driver (for LISTEN, and dumping test images). */
export function pgliteClientOf(database: HerdDatabase): PreparedPGliteClient {
  return (database.db as unknown as { $client: PreparedPGliteClient }).$client;
}
