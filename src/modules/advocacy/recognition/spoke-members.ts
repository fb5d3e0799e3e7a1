// Who is in which spoke, for leaderboards (a person's spokes, a spoke's people) and
// the participation by spoke, read through the people module. People who left are
// not counted: a leaderboard and a participation rate are about the people here now.
import type { Database } from '../../../db/index.ts';
import { listSpokes, membersOfSpokes, type Actor } from '../../people/index.ts';

export interface SpokeSummary { id: string; name: string; kind: string }

export interface SpokeMembership {
  /** Every spoke of the organization, by name. */
  spokes: SpokeSummary[];
  /** The people in each spoke, by spoke id. */
  membersOf: Map<string, Set<string>>;
  /** Each member's spokes, by person id. */
  spokesOf: Map<string, SpokeSummary[]>;
}

const SPOKE_PAGE = 200;

async function allSpokes(db: Database, actor: Actor): Promise<SpokeSummary[]> {
  const found: SpokeSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSpokes(db, actor, { limit: SPOKE_PAGE, cursor });
    found.push(...page.items.map(({ id, name, kind }) => ({ id, name, kind })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/** The organization's spokes and their current members (or only `onlySpokeIds`'). */
export async function spokeMembershipOf(db: Database, actor: Actor, onlySpokeIds?: readonly string[]): Promise<SpokeMembership> {
  const spokes = (await allSpokes(db, actor)).filter((spoke) => !onlySpokeIds || onlySpokeIds.includes(spoke.id));
  const byId = new Map(spokes.map((spoke) => [spoke.id, spoke]));
  const membersOf = new Map(spokes.map((spoke) => [spoke.id, new Set<string>()]));
  const spokesOf = new Map<string, SpokeSummary[]>();
  for (const member of await membersOfSpokes(db, actor.orgId, spokes.map((spoke) => spoke.id))) {
    if (member.status === 'left') continue;
    membersOf.get(member.spokeId)!.add(member.personId);
    spokesOf.set(member.personId, [...(spokesOf.get(member.personId) ?? []), byId.get(member.spokeId)!]);
  }
  return { spokes, membersOf, spokesOf };
}
