// Organizations are the tenants: every row of every module belongs to exactly one.
import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { conflict, invalid } from '../../errors.ts';
import { organizations } from './people.schema.ts';

export async function createOrganization(db: Database, input: { slug: string; name: string; isDemo?: boolean }) {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) throw invalid([{ field: 'slug', message: 'must be 2-63 lower-case letters, digits or dashes' }]);
  const [row] = await db.insert(organizations).values(input).onConflictDoNothing().returning();
  if (!row) throw conflict(`An organization with the slug "${input.slug}" exists already.`);
  return row;
}

export async function findOrganizationBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row;
}

/** Removes an organization and, through every table's cascading foreign key to it, all of its data; false when there was none. */
export async function deleteOrganization(db: Database, id: string): Promise<boolean> {
  const removed = await db.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
  return removed.length > 0;
}

export async function countOrganizations(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
}
