// Assigning a conversation inside a spoke with the data chooseAssignee weighs: the
// spoke's members, their open load, when each last got one, and who has helped the
// author before. Capacity holds under concurrency: the chosen person is locked and
// their load counted again before the assignment is written.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { membersOfSpoke, type StaffMember } from '../../people/index.ts';
import { conversationStates } from '../routing.schema.ts';
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import { chooseAssignee, type AssigneeChoice, type Candidate, type ConversationNeeds } from './choose-assignee.ts';

const ALL_WEEK: WeeklyHours = { timeZone: 'UTC', slots: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })) };

async function openLoads(db: Database, orgId: string, personIds: string[]): Promise<Map<string, { open: number; lastAssignedAt: Date | null }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.select({
    personId: conversationStates.assigneeId,
    open: sql<number>`count(*) filter (where ${conversationStates.status} in ('new', 'assigned'))::int`,
    lastAssignedAt: sql<string | null>`max(${conversationStates.assignedAt})`,
  }).from(conversationStates).where(and(eq(conversationStates.orgId, orgId), inArray(conversationStates.assigneeId, personIds))).groupBy(conversationStates.assigneeId);
  return new Map(rows.map((row) => [row.personId!, { open: row.open, lastAssignedAt: row.lastAssignedAt ? new Date(row.lastAssignedAt) : null }]));
}

async function helpedAuthor(db: Database, orgId: string, authorHandle: string | null, personIds: string[]): Promise<Set<string>> {
  if (!authorHandle || personIds.length === 0) return new Set();
  const rows = await db.selectDistinct({ personId: conversationStates.assigneeId }).from(conversationStates).where(and(
    eq(conversationStates.orgId, orgId), eq(conversationStates.authorHandle, authorHandle), isNotNull(conversationStates.assigneeId), inArray(conversationStates.assigneeId, personIds),
  ));
  return new Set(rows.map((row) => row.personId!));
}

function candidateOf(member: StaffMember, load: { open: number; lastAssignedAt: Date | null } | undefined, knowsAuthor: boolean): Candidate {
  return {
    personId: member.personId, name: member.name, status: member.status,
    skills: new Map(member.skills.map((skill) => [skill.topic.toLowerCase(), skill.level])),
    languages: member.languages, certificationLevel: 0,
    // No working hours on file: available whenever the spoke is.
    hours: member.workingHours.length > 0 ? { timeZone: member.timeZone, slots: member.workingHours } : ALL_WEEK,
    openConversations: load?.open ?? 0, capacity: member.capacity, lastAssignedAt: load?.lastAssignedAt ?? null, knowsAuthor,
  };
}

export async function candidatesInSpoke(db: Database, orgId: string, spokeId: string, authorHandle: string | null): Promise<Candidate[]> {
  const members = await membersOfSpoke(db, orgId, spokeId);
  const ids = members.map((member) => member.personId);
  const [loads, helped] = await Promise.all([openLoads(db, orgId, ids), helpedAuthor(db, orgId, authorHandle, ids)]);
  return members.map((member) => candidateOf(member, loads.get(member.personId), helped.has(member.personId)));
}

/** Their open conversations, counted under a lock held until the transaction ends. */
export async function lockedOpenCount(tx: Database, orgId: string, personId: string): Promise<number> {
  // Serializes assignments to one person until this transaction ends.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`assignee:${personId}`}, 0))`);
  return (await openLoads(tx, orgId, [personId])).get(personId)?.open ?? 0;
}

/** Chooses within the spoke, re-choosing if the first choice filled up meanwhile. Call inside a transaction. */
export async function chooseWithinCapacity(tx: Database, orgId: string, candidates: Candidate[], needs: ConversationNeeds, now: Date): Promise<AssigneeChoice> {
  let pool = candidates;
  for (;;) {
    const choice = chooseAssignee(pool, needs, now);
    if (!choice.personId) return choice;
    const chosen = pool.find((candidate) => candidate.personId === choice.personId)!;
    const open = await lockedOpenCount(tx, orgId, chosen.personId);
    if (open < chosen.capacity) return choice;
    pool = pool.map((candidate) => (candidate === chosen ? { ...candidate, openConversations: open } : candidate));
  }
}

/** Skills that fit a category, most specific first: its name, then its words ("Billing and refunds" → billing, refunds). */
export function skillTopicsFor(categoryName: string | null): string[] {
  if (!categoryName) return [];
  const words = categoryName.split(/[\s,&/]+/).filter((word) => word.length > 3 && word.toLowerCase() !== 'and');
  return [...new Set([categoryName, ...words])];
}
