// Who belongs to which spoke, as light pairs: what modules above need to count things
// per spoke of the person who did them (advocacy's numbers per spoke of the sharer,
// the spoke shown beside a person's name on a public page). A person in two spokes
// appears in both; organization-wide roles belong to no spoke.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { memberships, spokes } from './people.schema.ts';

export interface SpokeMembership { personId: string; spokeId: string; spokeName: string }

/** The organization's person–spoke pairs (any role), optionally only of these spokes and/or these people. */
export async function spokeMembershipsOf(db: Database, orgId: string, filter: { spokeIds?: readonly string[]; personIds?: readonly string[] } = {}): Promise<SpokeMembership[]> {
  if (filter.spokeIds?.length === 0 || filter.personIds?.length === 0) return [];
  const rows = await db.selectDistinct({ personId: memberships.personId, spokeId: spokes.id, spokeName: spokes.name })
    .from(memberships).innerJoin(spokes, eq(spokes.id, memberships.spokeId))
    .where(and(
      eq(memberships.orgId, orgId), eq(spokes.orgId, orgId), isNotNull(memberships.spokeId),
      filter.spokeIds && inArray(memberships.spokeId, [...filter.spokeIds]),
      filter.personIds && inArray(memberships.personId, [...filter.personIds]),
    ))
    .orderBy(asc(spokes.name), asc(spokes.id), asc(memberships.personId));
  return rows;
}
