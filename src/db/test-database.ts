// Gives each test file a clean, migrated database in well under a second.
// PGlite: the migrated data folder is dumped once to a cached image (keyed by the
// migrations' content) and every test file boots from that image instead of running
// initdb and the migrations again. Postgres (TEST_DATABASE_URL): a migrated template
// database is made once, and each test file gets its own copy of it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, before, after } from 'node:test';
import pg from 'pg';
import { openDatabase, pgliteClientOf, type HerdDatabase, type DatabaseDriver } from './client.ts';
import { migrateDatabase, migrationsFolder } from './migrate.ts';

const cacheDir = join(process.cwd(), '.cache', 'test-db');

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function migratedPgliteImage(): Promise<Blob> {
  const file = join(cacheDir, `pglite-${migrationsFingerprint()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(database);
    const image = await pgliteClientOf(database).dumpDataDir('gzip');
    await database.close();
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so test files starting in parallel never read half an image.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freshPostgresDatabase(serverUrl: string): Promise<HerdDatabase> {
  const template = `herd_template_${migrationsFingerprint()}`;
  const name = `herd_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, async (admin) => {
    // Serialized: a template must have no other users while it is made or copied.
    await admin.query('select pg_advisory_lock(727002)');
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (!rowCount) {
        await admin.query(`create database ${template}`);
        const database = await openDatabase({ driver: 'postgres', url: databaseUrl(serverUrl, template), poolSize: 1 });
        await migrateDatabase(database);
        await database.close();
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(727002)');
    }
  });
  const database = await openDatabase({ driver: 'postgres', url: databaseUrl(serverUrl, name), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdminClient(serverUrl, (admin) => admin.query(`drop database if exists ${name}`));
    },
  };
}

export async function createTestDatabase(driver: DatabaseDriver): Promise<HerdDatabase> {
  if (driver === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    return freshPostgresDatabase(url);
  }
  return openDatabase({ driver: 'pglite', image: await migratedPgliteImage() });
}

/** PGlite always; Postgres too when TEST_DATABASE_URL is set. */
export function testDrivers(): DatabaseDriver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Declares the same tests once per database driver, each with its own clean database.
 * `database()` is only valid inside tests and hooks.
 */
export function describeOnEachDatabase(title: string, body: (database: () => HerdDatabase) => void): void {
  for (const driver of testDrivers()) {
    describe(`${title} [${driver}]`, () => {
      let database: HerdDatabase | undefined;
      before(async () => {
        database = await createTestDatabase(driver);
      });
      after(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('the test database is not open yet');
        return database;
      });
    });
  }
}
