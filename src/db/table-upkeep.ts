// What autovacuum does on a PostgreSQL server, done for PGlite, which runs no background
// workers: without it the embedded database never learns how big its tables have grown
// (the planner kept estimating 32 rows for a table of 9,000 and scanned all of it where an
// index would do) and never reclaims the rows that updates and deletes leave behind (every
// job is updated twice). Autovacuum's rules decide which table is due, with analyze kept
// for when a table has changed by as many rows as it holds: here it stops all other work
// while it samples, and plans need the order of magnitude, not the last ten percent.
import { setTimeout as wait } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/** Statistics target of the upkeep's analyze (Postgres' default is 100: 30,000 rows sampled). */
const SAMPLE_STATISTICS_TARGET = 10;

export type UpkeepAction = 'vacuum' | 'analyze';

/** A table's activity as Postgres' cumulative statistics count it. */
export interface TableActivity {
  table: string;
  /** The planner's row estimate from the last vacuum or analyze; -1 when never taken. */
  estimatedRows: number;
  deadRows: number;
  changedSinceAnalyze: number;
}

export interface TableUpkeep { table: string; action: UpkeepAction; ms: number }

/** Vacuum past 50 dead rows + 20% of the table (autovacuum's default); analyze past 50 changes + the table's size. */
export function upkeepDue({ estimatedRows, deadRows, changedSinceAnalyze }: TableActivity): UpkeepAction | null {
  const rows = Math.max(estimatedRows, 0);
  if (deadRows > 50 + 0.2 * rows) return 'vacuum';
  if (changedSinceAnalyze > 50 + rows) return 'analyze';
  return null;
}

async function tableActivity(db: Database): Promise<TableActivity[]> {
  const { rows } = await db.execute(sql`select stats.relname as table, class.reltuples as estimated_rows,
      stats.n_dead_tup as dead_rows, stats.n_mod_since_analyze as changed_since_analyze
    from pg_stat_user_tables as stats join pg_class as class on class.oid = stats.relid
    where stats.schemaname = current_schema()`) as unknown as { rows: { table: string; estimated_rows: number; dead_rows: string | number; changed_since_analyze: string | number }[] };
  return rows.map((row) => ({
    table: row.table, estimatedRows: Number(row.estimated_rows), deadRows: Number(row.dead_rows), changedSinceAnalyze: Number(row.changed_since_analyze),
  }));
}

/**
 * Vacuums or analyzes the tables that are due, most changed first, until `budgetMs` is
 * spent: PGlite runs one statement at a time, so a pass holds up the pipeline while it works.
 */
export async function tidyTables(db: Database, { budgetMs = 50 } = {}): Promise<TableUpkeep[]> {
  const due = (await tableActivity(db))
    .flatMap((activity) => {
      const action = upkeepDue(activity);
      return action ? [{ ...activity, action }] : [];
    })
    .sort((a, b) => (b.deadRows + b.changedSinceAnalyze) - (a.deadRows + a.changedSinceAnalyze));
  const done: TableUpkeep[] = [];
  const began = performance.now();
  for (const { table, action } of due) {
    if (performance.now() - began >= budgetMs) break;
    const started = performance.now();
    if (action === 'vacuum') await db.execute(sql`vacuum ${sql.identifier(table)}`);
    await db.transaction(async (tx) => {
      // A tenth of the default sample (3,000 rows): enough for plans, and a pause of milliseconds, not a quarter second.
      await tx.execute(sql`set local default_statistics_target = ${sql.raw(String(SAMPLE_STATISTICS_TARGET))}`);
      await tx.execute(sql`analyze ${sql.identifier(table)}`);
    });
    done.push({ table, action, ms: performance.now() - started });
  }
  return done;
}

export interface TableUpkeepOptions {
  everyMs?: number;
  onError?: (error: Error) => void;
  /** Told of each pass that did something, with when it began and ended (performance.now()). */
  onTidied?: (done: TableUpkeep[], began: number, ended: number) => void;
}

/** Tidies the tables every second until signal aborts (PGlite only: a server's autovacuum does it there). */
export async function keepTablesTidy(db: Database, signal: AbortSignal, { everyMs = 1_000, onError, onTidied }: TableUpkeepOptions = {}): Promise<void> {
  while (!signal.aborted) {
    await wait(everyMs, undefined, { signal }).catch(() => {});
    if (signal.aborted) return;
    try {
      const began = performance.now();
      const done = await tidyTables(db);
      if (done.length > 0) onTidied?.(done, began, performance.now());
    } catch (error) {
      onError?.(error as Error);
    }
  }
}
