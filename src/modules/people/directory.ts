// People of an organization and their roles (memberships) in spokes or organization-wide.
import { and, asc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { containsPattern, decodeCursor, encodeCursor, isUniqueViolation } from '../../db/index.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { memberships, people, spokes } from './people.schema.ts';
import { requireAccess, type Actor, type Role } from './access.ts';
import { recordAudit } from './audit-log.ts';
import { hashPassword } from './passwords.ts';
import { endSessionsOf } from './sign-in.ts';
import { publishEvent } from '../../jobs/index.ts';
import { personLeft } from './people.events.ts';
import type { MembershipInput, PersonInput, PersonListQuery, PersonPatch } from './people.contract.ts';

type PersonRow = typeof people.$inferSelect;

export interface DirectorySettings { passwordCost: number }

interface MembershipSummary { id: string; role: Role; spokeId: string | null; spokeName: string | null }

async function membershipsOf(db: Database, personIds: string[]): Promise<Map<string, MembershipSummary[]>> {
  const byPerson = new Map<string, MembershipSummary[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .select({ personId: memberships.personId, id: memberships.id, role: memberships.role, spokeId: memberships.spokeId, spokeName: spokes.name })
    .from(memberships).leftJoin(spokes, eq(spokes.id, memberships.spokeId))
    .where(inArray(memberships.personId, personIds));
  for (const { personId, ...membership } of rows) byPerson.set(personId, [...(byPerson.get(personId) ?? []), membership]);
  return byPerson;
}

function personView(row: PersonRow, roles: MembershipSummary[]) {
  const { passwordHash: _secret, orgId: _org, ...visible } = row;
  return { ...visible, memberships: roles };
}
export type PersonView = ReturnType<typeof personView>;

async function findPerson(db: Database, actor: Actor, id: string): Promise<PersonRow> {
  const [row] = await db.select().from(people).where(and(eq(people.id, id), eq(people.orgId, actor.orgId)));
  if (!row) throw notFound('Person');
  return row;
}

async function viewOne(db: Database, row: PersonRow): Promise<PersonView> {
  return personView(row, (await membershipsOf(db, [row.id])).get(row.id) ?? []);
}


function emailTaken(email: string | undefined) {
  return conflict(`Someone in this organization already has the e-mail ${email}.`, [{ field: 'body.email', message: 'is already taken' }]);
}

function assertValidTimeZone(timeZone: string | undefined) {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw invalid([{ field: 'body.timeZone', message: `"${timeZone}" is not an IANA time zone (e.g. Europe/London)` }]);
  }
}

async function columnsOf(settings: DirectorySettings, input: PersonPatch) {
  assertValidTimeZone(input.timeZone);
  const { password, ...rest } = input;
  return { ...rest, ...(password !== undefined && { passwordHash: await hashPassword(password, settings.passwordCost) }) };
}

export async function createPerson(db: Database, settings: DirectorySettings, actor: Actor, input: PersonInput): Promise<PersonView> {
  requireAccess(actor, 'people.manage');
  const columns = await columnsOf(settings, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(people).values({ ...columns, orgId: actor.orgId, name: input.name, email: input.email }).returning()
      .catch((error) => { throw isUniqueViolation(error) ? emailTaken(input.email) : error; });
    const view = await viewOne(tx, row!);
    await recordAudit(tx, actor, { action: 'person.create', targetType: 'person', targetId: view.id, targetLabel: view.email, after: view });
    return view;
  });
}

export async function updatePerson(db: Database, settings: DirectorySettings, actor: Actor, id: string, patch: PersonPatch): Promise<PersonView> {
  requireAccess(actor, 'people.manage');
  const before = await findPerson(db, actor, id);
  const columns = await columnsOf(settings, patch);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(people).set({ ...columns, updatedAt: new Date() }).where(eq(people.id, id)).returning()
      .catch((error) => { throw isUniqueViolation(error) ? emailTaken(patch.email) : error; });
    // A new password or leaving the company ends every open session.
    if (patch.password !== undefined || patch.status === 'left') await endSessionsOf(tx, id);
    if (patch.status === 'left' && before.status !== 'left') await publishEvent(tx, personLeft, { personId: id }, { orgId: actor.orgId });
    const view = await viewOne(tx, row!);
    await recordAudit(tx, actor, { action: 'person.update', targetType: 'person', targetId: id, targetLabel: view.email, before: await viewOne(tx, before), after: view });
    return view;
  });
}

export async function deletePerson(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'people.manage');
  const before = await findPerson(db, actor, id);
  await db.transaction(async (tx) => {
    const view = await viewOne(tx, before);
    await tx.delete(people).where(eq(people.id, id));
    await publishEvent(tx, personLeft, { personId: id }, { orgId: actor.orgId });
    await recordAudit(tx, actor, { action: 'person.delete', targetType: 'person', targetId: id, targetLabel: before.email, before: view });
  });
}

export async function getPerson(db: Database, actor: Actor, id: string): Promise<PersonView> {
  requireAccess(actor, 'directory.read');
  return viewOne(db, await findPerson(db, actor, id));
}

export async function listPeople(db: Database, actor: Actor, query: PersonListQuery) {
  requireAccess(actor, 'directory.read');
  const conditions = [eq(people.orgId, actor.orgId)];
  if (query.status) conditions.push(eq(people.status, query.status));
  if (query.spokeId) {
    conditions.push(inArray(people.id, db.select({ id: memberships.personId }).from(memberships).where(eq(memberships.spokeId, query.spokeId))));
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(or(ilike(people.name, pattern), ilike(people.email, pattern), ilike(people.title, pattern))!);
  }
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, 2) as [string, string];
    conditions.push(or(gt(people.name, name), and(eq(people.name, name), gt(people.id, id)))!);
  }
  const rows = await db.select().from(people).where(and(...conditions)).orderBy(asc(people.name), asc(people.id)).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const roles = await membershipsOf(db, page.map((p) => p.id));
  const last = page.at(-1);
  return {
    items: page.map((row) => personView(row, roles.get(row.id) ?? [])),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

/** Finds a person of the organization by e-mail, case-insensitively (imports update by e-mail). */
export async function findPersonByEmail(db: Database, orgId: string, email: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.orgId, orgId), eq(sql`lower(${people.email})`, email.trim().toLowerCase())));
  return row;
}

export async function addMembership(db: Database, actor: Actor, input: MembershipInput) {
  // Hub admins grant anything; a spoke lead may add volunteers to their own spoke.
  requireAccess(actor, input.role === 'volunteer' && input.spokeId ? 'spoke.manage' : 'people.manage', { spokeId: input.spokeId });
  const person = await findPerson(db, actor, input.personId).catch(() => { throw invalid([{ field: 'body.personId', message: 'is not a person of this organization' }]); });
  if (input.spokeId) {
    const [spoke] = await db.select({ id: spokes.id }).from(spokes).where(and(eq(spokes.id, input.spokeId), eq(spokes.orgId, actor.orgId)));
    if (!spoke) throw invalid([{ field: 'body.spokeId', message: 'is not a spoke of this organization' }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(memberships).values({ orgId: actor.orgId, ...input }).returning()
      .catch((error) => { throw isUniqueViolation(error) ? conflict(`${person.name} already has this role there.`) : error; });
    const membership = { id: row!.id, personId: row!.personId, spokeId: row!.spokeId, role: row!.role };
    await recordAudit(tx, actor, { action: 'membership.create', targetType: 'person', targetId: person.id, targetLabel: person.email, after: membership });
    return membership;
  });
}

export async function removeMembership(db: Database, actor: Actor, id: string): Promise<void> {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.id, id), eq(memberships.orgId, actor.orgId)));
  if (!row) throw notFound('Membership');
  requireAccess(actor, row.role === 'volunteer' && row.spokeId ? 'spoke.manage' : 'people.manage', { spokeId: row.spokeId });
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, id));
    await recordAudit(tx, actor, { action: 'membership.delete', targetType: 'person', targetId: row.personId, before: { id: row.id, role: row.role, spokeId: row.spokeId } });
  });
}
