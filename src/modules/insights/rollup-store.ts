// Writing rollups: claiming what is about to be counted, so a redelivered event counts
// nothing twice, and adding a batch's counts to the rollup rows in one statement per
// table. Rows go in in key order, so two workers adding to the same rows lock them in
// the same order and never wait on each other in a circle.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { insertRows, type Database, type RowToInsert } from '../../db/index.ts';
import { insightsCounted } from './insights.schema.ts';
import { countedKinds, type CountedKind } from './rollup-keys.ts';

export interface Claim { kind: CountedKind; ref: string }

const claimKey = (kind: number, ref: string) => `${kind}:${ref}`;

/**
 * Records the claims not recorded before and returns those (as `kind:ref` keys); a claim
 * recorded by an earlier delivery, or twice in this batch, is not returned again.
 */
export async function claimUncounted(db: Database, orgId: string, claims: readonly Claim[]): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const rows = [...new Map(claims.map(({ kind, ref }) => [claimKey(countedKinds[kind], ref), { orgId, kind: countedKinds[kind], ref }])).values()]
    .sort((a, b) => a.kind - b.kind || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const { rows: claimed } = await db.execute(sql`${insertRows(insightsCounted, rows)} on conflict do nothing returning kind, ref`) as unknown as { rows: { kind: number; ref: string }[] };
  return new Set(claimed.map((row) => claimKey(row.kind, row.ref)));
}

export const isClaimed = (claimed: Set<string>, { kind, ref }: Claim) => claimed.has(claimKey(countedKinds[kind], ref));

/**
 * Adds the rows' counters to the rollup rows with the same key (the table's primary key,
 * `keys`), inserting those that do not exist yet: numbers add up, arrays (histograms)
 * element by element. Every row has the same properties.
 */
export async function addToRollup<T extends PgTable>(db: Database, table: T, keys: readonly (keyof T['$inferInsert'] & string)[], rows: readonly RowToInsert<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const column = (property: string) => sql.identifier(columns[property]!.name);
  const sortKey = (row: RowToInsert<T>) => keys.map((key) => {
    const value = (row as Record<string, unknown>)[key];
    return value instanceof Date ? value.toISOString() : String(value);
  }).join('\n');
  const ordered = rows.map((row) => ({ row, key: sortKey(row) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ row }) => row);
  const counters = Object.keys(rows[0]!).filter((property) => !keys.includes(property as never));
  const added = (property: string) => {
    const [current, more] = [sql`${table}.${column(property)}`, sql`excluded.${column(property)}`];
    return Array.isArray((rows[0] as Record<string, unknown>)[property])
      ? sql`array(select coalesce(a, 0) + coalesce(b, 0) from unnest(${current}, ${more}) with ordinality as u(a, b, i) order by i)`
      : sql`${current} + ${more}`;
  };
  await db.execute(sql`${insertRows(table, ordered)} on conflict (${sql.join(keys.map(column), sql`, `)}) do update set
    ${sql.join(counters.map((property) => sql`${column(property)} = ${added(property)}`), sql`, `)}`);
}
