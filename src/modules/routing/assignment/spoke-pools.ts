// Assignment for a whole batch of new conversations: the members of every spoke the
// batch routes to are locked once and their load counted once; the batch then
// assigns in memory, counting each assignment against capacity as it goes. The same
// guarantee as assigning one by one (nobody past capacity, with any number of
// workers), in a handful of statements instead of several per conversation. One
// spoke's pool, unlocked, is also what the preview and single assignments weigh.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { membersOfSpokes, type StaffMember } from '../../people/index.ts';
import { conversationStates } from '../routing.schema.ts';
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import type { Candidate } from './choose-assignee.ts';

const ALL_WEEK: WeeklyHours = { timeZone: 'UTC', slots: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })) };

/**
 * Each person's open conversations and when they last got one. Both are read through
 * indexes, so the cost stays with what is open, not with everything they ever handled.
 */
export async function openLoads(db: Database, personIds: string[]): Promise<Map<string, { open: number; lastAssignedAt: Date | null }>> {
  if (personIds.length === 0) return new Map();
  const { rows } = await db.execute(sql`
    select person.id as person_id,
      (select count(*)::int from ${conversationStates} as open_state where open_state.assignee_id = person.id::uuid
        and open_state.status in ('new', 'assigned')) as open,
      (select max(turn.assigned_at) from ${conversationStates} as turn where turn.assignee_id = person.id::uuid) as last_assigned_at
    from jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb) as person(id)`) as unknown as { rows: { person_id: string; open: number; last_assigned_at: string | Date | null }[] };
  return new Map(rows.map((row) => [row.person_id, { open: row.open, lastAssignedAt: row.last_assigned_at ? new Date(row.last_assigned_at) : null }]));
}

function candidateOf(member: StaffMember, load: { open: number; lastAssignedAt: Date | null } | undefined, knowsAuthor: boolean): Candidate {
  return {
    personId: member.personId, name: member.name, status: member.status,
    skills: new Map(member.skills.map((skill) => [skill.topic.toLowerCase(), skill.level])),
    languages: member.languages, certificationLevel: member.certificationLevel,
    // No working hours on file: available whenever the spoke is.
    hours: member.workingHours.length > 0 ? { timeZone: member.timeZone, slots: member.workingHours } : ALL_WEEK,
    openConversations: load?.open ?? 0, capacity: member.capacity, lastAssignedAt: load?.lastAssignedAt ?? null, knowsAuthor,
  };
}

/**
 * Serializes assignments to these people until the transaction ends: whoever assigns
 * counts their load after taking the lock. Taken in id order, so two batches that
 * share people cannot deadlock.
 */
export async function lockAssignees(tx: Database, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('assignee:' || id, 0))
    from (select id from jsonb_array_elements_text(${JSON.stringify([...personIds])}::jsonb) as id order by id) as ordered`);
}

export interface SpokePools {
  candidatesFor(spokeId: string, authorHandle: string | null): Candidate[];
  recordAssignment(personId: string, at: Date): void;
}

/** With lock: false (a preview), nobody is locked and the loads are only a snapshot. */
export async function spokePools(tx: Database, orgId: string, spokeIds: readonly string[], authorHandles: readonly string[], { lock }: { lock: boolean }): Promise<SpokePools> {
  const members = await membersOfSpokes(tx, orgId, spokeIds);
  const personIds = [...new Set(members.map((member) => member.personId))].sort();
  if (lock) await lockAssignees(tx, personIds);
  const loads = await openLoads(tx, personIds);
  const helped = authorHandles.length === 0 || personIds.length === 0 ? [] : await tx.selectDistinct({ author: conversationStates.authorHandle, personId: conversationStates.assigneeId })
    .from(conversationStates).where(and(eq(conversationStates.orgId, orgId), inArray(conversationStates.authorHandle, [...authorHandles]), isNotNull(conversationStates.assigneeId), inArray(conversationStates.assigneeId, personIds)));
  const knows = new Set(helped.map((row) => `${row.author}\n${row.personId}`));
  const bySpoke = new Map<string, StaffMember[]>();
  for (const { spokeId, ...member } of members) bySpoke.set(spokeId, [...(bySpoke.get(spokeId) ?? []), member]);
  return {
    candidatesFor: (spokeId, authorHandle) => (bySpoke.get(spokeId) ?? []).map((member) =>
      candidateOf(member, loads.get(member.personId), authorHandle !== null && knows.has(`${authorHandle}\n${member.personId}`))),
    recordAssignment(personId, at) {
      const load = loads.get(personId);
      loads.set(personId, { open: (load?.open ?? 0) + 1, lastAssignedAt: at });
    },
  };
}
