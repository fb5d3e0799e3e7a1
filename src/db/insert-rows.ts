// Inserting many rows as one jsonb parameter expanded by jsonb_populate_recordset. About
// twice as fast as a multi-row VALUES insert with a parameter per field, on PGlite and
// PostgreSQL: one parameter to bind and one small statement to plan, whatever the number
// of rows, and never near PostgreSQL's limit of 65,535 parameters. Hot paths (storing,
// triaging and routing mentions, enqueueing jobs) insert their batches this way.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

// jsonb refuses a lone UTF-16 surrogate (a post cut mid-emoji); a text parameter would have become U+FFFD anyway.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** JSON for the rows: bigints as strings (which bigint columns read), text without lone surrogates. */
const storable = (_key: string, value: unknown) =>
  typeof value === 'string' ? value.replace(loneSurrogate, '\uFFFD') : typeof value === 'bigint' ? value.toString() : value;

/** A row in the table's property names; null where a column is to take its value from `defaults`. */
export type RowToInsert<T extends PgTable> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | null };

export interface InsertRowsOptions<T extends PgTable> {
  /**
   * What a column takes where a row leaves it null. A column's DEFAULT applies only when
   * every row leaves it out, so a column some rows set and others do not needs one here.
   */
  defaults?: Partial<Record<keyof T['$inferInsert'], SQL>>;
}

/**
 * `insert into <table> (…) select … from jsonb_populate_recordset(…)`, to which the caller may add
 * `on conflict …` and `returning …`. Rows are in the table's property names (every row with the
 * same ones), in the order they are to be inserted; columns left out take their defaults.
 */
export function insertRows<T extends PgTable>(table: T, rows: readonly RowToInsert<T>[], { defaults = {} }: InsertRowsOptions<T> = {}): SQL {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0] ?? {});
  const names = sql.join(keys.map((key) => sql.identifier(columns[key]!.name)), sql`, `);
  const values = sql.join(keys.map((key) => {
    const fallback = (defaults as Record<string, SQL | undefined>)[key];
    const name = sql.identifier(columns[key]!.name);
    return fallback ? sql`coalesce(${name}, ${fallback})` : name;
  }), sql`, `);
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, (row as Record<string, unknown>)[key] ?? null]))), storable);
  return sql`insert into ${table} (${names}) select ${values} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`;
}
