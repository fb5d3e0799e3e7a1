// One click sweep of an organization at a time, until the caller's transaction ends:
// two sweeps would both read the same uncredited days and both try to credit them.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';

export async function lockAward(db: Database, orgId: string, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`advocacy-points:${orgId}:${key}`}, 0))`);
}
