// Opening the configured database for one command, and finding the organization a
// command acts on (named with --org, or the only one there is).
import { loadConfig } from '../../config/index.ts';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { openMigratedDatabase } from '../../main.ts';
import { countOrganizations, findOrganizationBySlug } from '../../modules/people/index.ts';

export async function withDatabase<T>(work: (db: Database, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  try {
    return await work(database.db, config);
  } finally {
    await database.close();
  }
}

export async function organizationFor(db: Database, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (slug) {
    const org = await findOrganizationBySlug(db, slug);
    if (!org) throw new AppError('NOT_FOUND', `There is no organization "${slug}".`);
    return org;
  }
  if (await countOrganizations(db) !== 1) throw new AppError('BAD_REQUEST', 'Name the organization with --org <slug>.');
  const [only] = await db.query.organizations.findMany({ limit: 1 });
  return only!;
}
