// Who answered: replies and first responses per person, and per department (spoke) of
// the people who wrote them, so the hub can show the programme reaches beyond marketing.
// A spoke is its members now (as in advocacy): a person in two spokes counts in both,
// and people in no spoke (the hub's staff) have a row of their own.
import type { Database } from '../../db/index.ts';
import { spokeMembershipsOf, type SpokeMembership } from '../people/index.ts';
import { conversationCounts, sliceOf } from './conversation-numbers.ts';
import type { InsightsRange } from './insights-range.ts';
import type { InsightsScope } from './insights-scope.ts';

interface PersonNumbers { replies: number; firstResponses: number }

export interface SpokeParticipation {
  /** Null: people in no spoke. */
  spokeId: string | null;
  name: string;
  /** Null for people in no spoke (not a membership list). */
  members: number | null;
  /** Members who wrote at least one reply in the range. */
  repliers: number;
  replies: number;
  firstResponses: number;
  /** repliers ÷ members; null without members. */
  participation: number | null;
}

const NO_SPOKE = 'No spoke (hub)';

async function numbersPerPerson(db: Database, scope: InsightsScope, range: InsightsRange, members: SpokeMembership[]): Promise<Map<string, PersonNumbers>> {
  const people = scope.spokeIds ? [...new Set(members.map((member) => member.personId))] : null;
  if (people?.length === 0) return new Map();
  const counted = await conversationCounts(db, scope.orgId, sliceOf(scope, range, 'person', people));
  return new Map([...counted].filter(([, numbers]) => numbers.replies + numbers.firstResponses > 0)
    .map(([personId, numbers]) => [personId, { replies: numbers.replies, firstResponses: numbers.firstResponses }]));
}

function perSpoke(members: SpokeMembership[], numbers: Map<string, PersonNumbers>, withoutSpoke: boolean): SpokeParticipation[] {
  const spokes = new Map<string, { name: string; people: string[] }>();
  for (const member of members) {
    const spoke = spokes.get(member.spokeId) ?? { name: member.spokeName, people: [] };
    spoke.people.push(member.personId);
    spokes.set(member.spokeId, spoke);
  }
  const rowOf = (spokeId: string | null, name: string, people: string[], members: number | null): SpokeParticipation => {
    const active = people.filter((personId) => numbers.has(personId));
    return {
      spokeId, name, members, repliers: active.length,
      replies: active.reduce((sum, personId) => sum + numbers.get(personId)!.replies, 0),
      firstResponses: active.reduce((sum, personId) => sum + numbers.get(personId)!.firstResponses, 0),
      participation: members ? active.length / members : null,
    };
  };
  const rows = [...spokes].map(([spokeId, spoke]) => rowOf(spokeId, spoke.name, spoke.people, spoke.people.length));
  const inSpokes = new Set(members.map((member) => member.personId));
  const outside = [...numbers.keys()].filter((personId) => !inSpokes.has(personId));
  if (withoutSpoke && outside.length > 0) rows.push(rowOf(null, NO_SPOKE, outside, null));
  return rows.sort((a, b) => b.replies - a.replies || a.name.localeCompare(b.name));
}

/** Per department (spoke) of the people in scope; per person, see the response-time table by person. */
export async function participation(db: Database, scope: InsightsScope, range: InsightsRange): Promise<{ spokes: SpokeParticipation[] }> {
  const members = await spokeMembershipsOf(db, scope.orgId, scope.spokeIds ? { spokeIds: scope.spokeIds } : {});
  const numbers = await numbersPerPerson(db, scope, range, members);
  return { spokes: perSpoke(members, numbers, scope.spokeIds === null) };
}
