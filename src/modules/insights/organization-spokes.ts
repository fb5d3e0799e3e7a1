// Every spoke of an organization, by name, read through people's spoke list: the
// backlog shows each, and each spoke's leads get a digest.
import type { Database } from '../../db/index.ts';
import { listSpokes, systemActor } from '../people/index.ts';

const SPOKES_PER_PAGE = 200;

export async function spokesOf(db: Database, orgId: string): Promise<{ id: string; name: string }[]> {
  const found: { id: string; name: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSpokes(db, systemActor(orgId), { limit: SPOKES_PER_PAGE, cursor });
    found.push(...page.items.map((spoke) => ({ id: spoke.id, name: spoke.name })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}
