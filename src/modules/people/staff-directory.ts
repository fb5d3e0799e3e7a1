// The people other modules hand work to, read by the system rather than by a
// signed-in person: a spoke's members with what routing weighs (skills, languages,
// hours, capacity), who leads a spoke, who runs the hub, and who has a skill.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { memberships, people, spokes, type Skill, type WorkingHoursSlot } from './people.schema.ts';
import type { Role } from './access.ts';

export interface StaffMember {
  personId: string;
  name: string;
  email: string;
  status: 'active' | 'away' | 'left';
  skills: Skill[];
  languages: string[];
  timeZone: string;
  workingHours: WorkingHoursSlot[];
  capacity: number;
  certificationLevel: number;
}

const staffColumns = {
  personId: people.id, name: people.name, email: people.email, status: people.status, skills: people.skills,
  languages: people.languages, timeZone: people.timeZone, workingHours: people.workingHours, capacity: people.capacity,
  certificationLevel: people.certificationLevel,
};

const activeWithMembership = (db: Database, orgId: string, membership: SQL | undefined) =>
  db.selectDistinct(staffColumns).from(people).innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(people.orgId, orgId), eq(people.status, 'active'), membership));

/** The spoke's leads, or with no spoke the hub: organization-wide hub admins and PR leads. */
export async function leadsOf(db: Database, orgId: string, spokeId: string | null): Promise<StaffMember[]> {
  if (!spokeId) return peopleWithOrgRole(db, orgId, ['hub_admin', 'pr_lead']);
  return activeWithMembership(db, orgId, and(eq(memberships.spokeId, spokeId), eq(memberships.role, 'spoke_lead')));
}

/** Active people holding one of the roles organization-wide (not only for a spoke), e.g. every hub admin. */
export async function peopleWithOrgRole(db: Database, orgId: string, orgRoles: readonly Role[]): Promise<StaffMember[]> {
  if (orgRoles.length === 0) return [];
  return activeWithMembership(db, orgId, and(isNull(memberships.spokeId), inArray(memberships.role, [...orgRoles])));
}

/** Active people with the skill (any level), for "ask an expert". */
export async function peopleWithSkill(db: Database, orgId: string, skill: string): Promise<StaffMember[]> {
  return db.select(staffColumns).from(people).where(and(
    eq(people.orgId, orgId), eq(people.status, 'active'),
    sql`exists (select 1 from jsonb_array_elements(${people.skills}) as s where lower(s->>'topic') = ${skill.toLowerCase()})`,
  ));
}

export async function staffByIds(db: Database, orgId: string, personIds: readonly string[]): Promise<StaffMember[]> {
  if (personIds.length === 0) return [];
  return db.select(staffColumns).from(people).where(and(eq(people.orgId, orgId), inArray(people.id, [...personIds])));
}

/** Names of spokes by id, for lists that show where things sit. */
export async function spokeNamesOf(db: Database, orgId: string, spokeIds: readonly string[]): Promise<Map<string, string>> {
  if (spokeIds.length === 0) return new Map();
  const rows = await db.select({ id: spokes.id, name: spokes.name }).from(spokes).where(and(eq(spokes.orgId, orgId), inArray(spokes.id, [...spokeIds])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The members of several spokes at once, each row naming its spoke (a person in two spokes appears twice). */
export async function membersOfSpokes(db: Database, orgId: string, spokeIds: readonly string[]): Promise<(StaffMember & { spokeId: string })[]> {
  if (spokeIds.length === 0) return [];
  const rows = await db.selectDistinct({ ...staffColumns, spokeId: memberships.spokeId }).from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(people.orgId, orgId), inArray(memberships.spokeId, [...spokeIds])));
  return rows.map((row) => ({ ...row, spokeId: row.spokeId! }));
}
