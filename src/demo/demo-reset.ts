// Removing the demo: the "Acme Retail" organization with everything in it (every table's
// rows cascade from the organization, the demo stream's state with them) and the work
// still queued for it. Only an organization seeded as the demo is ever removed.
import type { Database } from '../db/index.ts';
import { conflict } from '../errors.ts';
import { deleteJobsOf } from '../jobs/index.ts';
import { deleteOrganization, findOrganizationBySlug } from '../modules/people/index.ts';
import { DEMO_ORG_SLUG } from './acme-retail.ts';

/** The demo organization, if there is one; refuses a real organization that happens to have the demo's slug. */
export async function findDemoOrganization(db: Database): Promise<{ id: string; name: string } | undefined> {
  const org = await findOrganizationBySlug(db, DEMO_ORG_SLUG);
  if (org && !org.isDemo) throw conflict(`The organization "${DEMO_ORG_SLUG}" is not the demo (it was not seeded by Herd); it is left alone.`);
  return org;
}

/** Removes the demo; false when there was none. */
export async function removeDemo(db: Database): Promise<boolean> {
  const org = await findDemoOrganization(db);
  if (!org) return false;
  await db.transaction(async (tx) => {
    await deleteJobsOf(tx, org.id);
    await deleteOrganization(tx, org.id);
  });
  return true;
}
