import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openDatabase, type HerdDatabase } from './client.ts';
import { keepTablesTidy, tidyTables, upkeepDue, type TableUpkeep } from './table-upkeep.ts';

describe('table upkeep on PGlite', () => {
  let database: HerdDatabase;
  const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  /** Postgres reports a backend's table counts at most once a second: ask for them now. */
  const flushStatistics = async () => {
    await database.db.execute(sql`select pg_stat_force_next_flush()`);
    await database.db.execute(sql`select 1`);
  };
  const plannedRows = async (query: string) => {
    const [plan] = await rowsOf<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql.raw(`explain (format json) ${query}`));
    return plan!['QUERY PLAN'][0].Plan['Plan Rows'];
  };
  const deadRows = async () => Number((await rowsOf<{ dead: string }>(sql`select n_dead_tup as dead from pg_stat_user_tables where relname = 'visits'`))[0]!.dead);

  before(async () => {
    database = await openDatabase({ driver: 'pglite' });
    await database.db.execute(sql`create table visits (id serial primary key, store text not null)`);
  });
  after(() => database.close());

  it('follows autovacuum: dead rows past 20% call for a vacuum, changes past the table size for an analyze', () => {
    assert.equal(upkeepDue({ table: 't', estimatedRows: 1000, deadRows: 251, changedSinceAnalyze: 0 }), 'vacuum');
    assert.equal(upkeepDue({ table: 't', estimatedRows: 1000, deadRows: 250, changedSinceAnalyze: 1050 }), null);
    assert.equal(upkeepDue({ table: 't', estimatedRows: 1000, deadRows: 0, changedSinceAnalyze: 1051 }), 'analyze');
    assert.equal(upkeepDue({ table: 't', estimatedRows: -1, deadRows: 0, changedSinceAnalyze: 51 }), 'analyze', 'a table never analyzed counts as empty');
    assert.equal(upkeepDue({ table: 't', estimatedRows: -1, deadRows: 0, changedSinceAnalyze: 50 }), null);
  });

  it('analyzes a table that grew, so the planner knows its size, and then leaves it alone', async () => {
    await database.db.execute(sql`insert into visits (store) select case when g % 100 = 0 then 'York' else 'Leeds' end from generate_series(1, 5000) as g`);
    await flushStatistics();
    const before = await plannedRows(`select * from visits where store = 'York'`);
    const done = await tidyTables(database.db);
    assert.deepEqual(done.map(({ table, action }) => ({ table, action })), [{ table: 'visits', action: 'analyze' }]);
    const [{ estimated }] = await rowsOf<{ estimated: number }>(sql`select reltuples as estimated from pg_class where relname = 'visits'`) as [{ estimated: number }];
    assert.equal(estimated, 5000);
    const after = await plannedRows(`select * from visits where store = 'York'`);
    assert.ok(Math.abs(after - 50) <= 25, `the planner expects about 50 York visits now (${after}; before the upkeep: ${before})`);
    await flushStatistics();
    assert.deepEqual(await tidyTables(database.db), [], 'nothing is due right after');
  });

  it('vacuums away the rows deletes leave behind', async () => {
    await database.db.execute(sql`delete from visits where id % 2 = 0`);
    await flushStatistics();
    assert.equal(await deadRows(), 2500);
    const done = await tidyTables(database.db);
    assert.deepEqual(done.map(({ action }) => action), ['vacuum']);
    await flushStatistics();
    assert.equal(await deadRows(), 0);
  });

  it('starts no table once its time budget is spent', async () => {
    await database.db.execute(sql`insert into visits (store) select 'Hull' from generate_series(1, 6000)`);
    await flushStatistics();
    assert.deepEqual(await tidyTables(database.db, { budgetMs: 0 }), []);
    assert.equal((await tidyTables(database.db)).length, 1, 'the next pass does it');
  });

  it('runs every so often until stopped, telling what it did', async () => {
    await database.db.execute(sql`update visits set store = 'Bath' where store = 'Hull'`);
    await flushStatistics();
    const stop = new AbortController();
    const passes: TableUpkeep[][] = [];
    const running = keepTablesTidy(database.db, stop.signal, { everyMs: 10, onTidied: (done) => passes.push(done), onError: (error) => assert.fail(error) });
    for (let waited = 0; passes.length === 0 && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    await running;
    assert.deepEqual(passes[0]!.map(({ table, action }) => ({ table, action })), [{ table: 'visits', action: 'vacuum' }]);
  });
});
