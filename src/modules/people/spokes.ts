// Spokes: the departments, business units, stores and regions that run their own
// part of the programme, each with an optional place (stores are found by place).
import { and, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { containsPattern, decodeCursor, encodeCursor, isUniqueViolation } from '../../db/index.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { memberships, people, spokes } from './people.schema.ts';
import { requireAccess, type Actor } from './access.ts';
import { recordAudit } from './audit-log.ts';
import type { SpokeInput, SpokeListQuery, SpokePatch } from './people.contract.ts';

type SpokeRow = typeof spokes.$inferSelect;
const placeFields = ['address', 'city', 'region', 'country', 'latitude', 'longitude'] as const;

export function spokeView(row: SpokeRow) {
  const hasPlace = placeFields.some((field) => row[field] !== null);
  return {
    id: row.id, kind: row.kind, name: row.name, parentSpokeId: row.parentSpokeId,
    place: hasPlace ? Object.fromEntries(placeFields.map((f) => [f, row[f]])) as Pick<SpokeRow, (typeof placeFields)[number]> : null,
    aliases: row.aliases,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
export type SpokeView = ReturnType<typeof spokeView>;

function columnsOf(input: SpokePatch) {
  const { place, aliases, ...withoutPlace } = input;
  const rest = aliases === undefined ? withoutPlace : { ...withoutPlace, aliases: [...new Set(aliases.map((alias) => alias.trim()).filter(Boolean))] };
  if (place === undefined) return rest;
  return { ...rest, ...Object.fromEntries(placeFields.map((f) => [f, place?.[f] ?? null])) };
}

async function findSpoke(db: Database, actor: Actor, id: string): Promise<SpokeRow> {
  const [row] = await db.select().from(spokes).where(and(eq(spokes.id, id), eq(spokes.orgId, actor.orgId)));
  if (!row) throw notFound('Spoke');
  return row;
}

async function assertValidParent(db: Database, actor: Actor, spokeId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  if (parentId === spokeId) throw invalid([{ field: 'body.parentSpokeId', message: 'a spoke cannot be its own parent' }]);
  // Walk up from the new parent: meeting the spoke itself would close a loop.
  const [loop] = await db.execute<{ id: string }>(sql`
    with recursive ancestors(id, parent) as (
      select id, parent_spoke_id from spokes where id = ${parentId} and org_id = ${actor.orgId}
      union select s.id, s.parent_spoke_id from spokes s join ancestors a on s.id = a.parent
    ) select id from ancestors where id = ${spokeId ?? sql`null`}`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
  if (loop) throw invalid([{ field: 'body.parentSpokeId', message: 'would make the spoke its own ancestor' }]);
  await findSpoke(db, actor, parentId).catch(() => {
    throw invalid([{ field: 'body.parentSpokeId', message: 'is not a spoke of this organization' }]);
  });
}


async function saving<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A spoke named "${name}" already exists.`, [{ field: 'body.name', message: 'is already taken' }]);
    throw error;
  }
}

export async function createSpoke(db: Database, actor: Actor, input: SpokeInput): Promise<SpokeView> {
  requireAccess(actor, 'spokes.create');
  await assertValidParent(db, actor, null, input.parentSpokeId);
  return db.transaction(async (tx) => {
    const [row] = await saving(input.name, () => tx.insert(spokes).values({ orgId: actor.orgId, ...columnsOf(input), kind: input.kind, name: input.name }).returning());
    const view = spokeView(row!);
    await recordAudit(tx, actor, { action: 'spoke.create', targetType: 'spoke', targetId: view.id, targetLabel: view.name, after: view });
    return view;
  });
}

export async function updateSpoke(db: Database, actor: Actor, id: string, patch: SpokePatch): Promise<SpokeView> {
  const before = await findSpoke(db, actor, id);
  requireAccess(actor, 'spoke.manage', { spokeId: id });
  await assertValidParent(db, actor, id, patch.parentSpokeId);
  return db.transaction(async (tx) => {
    const [row] = await saving(patch.name, () => tx.update(spokes).set({ ...columnsOf(patch), updatedAt: new Date() }).where(eq(spokes.id, id)).returning());
    const view = spokeView(row!);
    await recordAudit(tx, actor, { action: 'spoke.update', targetType: 'spoke', targetId: id, targetLabel: view.name, before: spokeView(before), after: view });
    return view;
  });
}

export async function deleteSpoke(db: Database, actor: Actor, id: string): Promise<void> {
  const before = await findSpoke(db, actor, id);
  requireAccess(actor, 'spokes.create');
  await db.transaction(async (tx) => {
    await tx.delete(spokes).where(eq(spokes.id, id));
    await recordAudit(tx, actor, { action: 'spoke.delete', targetType: 'spoke', targetId: id, targetLabel: before.name, before: spokeView(before) });
  });
}

export async function getSpoke(db: Database, actor: Actor, id: string): Promise<SpokeView> {
  requireAccess(actor, 'directory.read');
  return spokeView(await findSpoke(db, actor, id));
}

export async function listSpokes(db: Database, actor: Actor, query: SpokeListQuery) {
  requireAccess(actor, 'directory.read');
  const conditions = [eq(spokes.orgId, actor.orgId)];
  if (query.kind) conditions.push(eq(spokes.kind, query.kind));
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(or(ilike(spokes.name, pattern), ilike(spokes.city, pattern))!);
  }
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, 2) as [string, string];
    conditions.push(or(gt(spokes.name, name), and(eq(spokes.name, name), gt(spokes.id, id)))!);
  }
  const rows = await db.select().from(spokes).where(and(...conditions)).orderBy(asc(spokes.name), asc(spokes.id)).limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map(spokeView), nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null };
}

export async function listSpokeMembers(db: Database, actor: Actor, id: string) {
  requireAccess(actor, 'directory.read');
  await findSpoke(db, actor, id);
  const rows = await db
    .select({ membershipId: memberships.id, role: memberships.role, id: people.id, name: people.name, email: people.email, title: people.title, status: people.status })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.spokeId, id), eq(memberships.orgId, actor.orgId)))
    .orderBy(asc(people.name));
  return { items: rows.map(({ membershipId, role, ...person }) => ({ membershipId, role, person })) };
}

/** Finds a spoke of the actor's organization by name, case-insensitively (CSV imports name spokes). */
export async function findSpokeByName(db: Database, orgId: string, name: string): Promise<SpokeRow | undefined> {
  const [row] = await db.select().from(spokes).where(and(eq(spokes.orgId, orgId), eq(sql`lower(${spokes.name})`, name.trim().toLowerCase())));
  return row;
}

/** The organization's stores with their places, for finding which store a mention is about. */
export async function listStorePlaces(db: Database, orgId: string) {
  return db.select({ spokeId: spokes.id, name: spokes.name, aliases: spokes.aliases, address: spokes.address, city: spokes.city, updatedAt: spokes.updatedAt })
    .from(spokes).where(and(eq(spokes.orgId, orgId), eq(spokes.kind, 'store'))).orderBy(asc(spokes.name));
}
