// The library of starting points: saved replies (anyone's useful wording, kept by
// PR leads and spoke leads) and holding statements (approved by a PR lead, usually
// for a crisis, with an expiry). They are offered in the composer to edit, never sent as is.
import { and, asc, eq, gt, isNull, or, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { isUniqueViolation } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { can, recordAudit, requireAccess, spokeNamesOf, staffByIds, type Actor } from '../../people/index.ts';
import { savedReplies, type LibraryKind } from '../respond.schema.ts';

export interface LibraryEntryInput {
  kind: LibraryKind;
  title: string;
  text: string;
  spokeId?: string | null;
  topicIds?: string[];
  language?: string | null;
  expiresAt?: string | null;
}

type EntryRow = typeof savedReplies.$inferSelect;

async function requireEditor(db: Database, actor: Actor, kind: LibraryKind, spokeId: string | null): Promise<void> {
  requireAccess(actor, kind === 'holding_statement' ? 'holding.manage' : 'library.manage', { spokeId });
  if (spokeId && !(await spokeNamesOf(db, actor.orgId, [spokeId])).has(spokeId)) throw invalid([{ field: 'body.spokeId', message: 'is not a spoke of this organization' }]);
}

async function withOwners(db: Database, orgId: string, rows: EntryRow[]) {
  const names = new Map((await staffByIds(db, orgId, [...new Set(rows.flatMap((r) => [r.ownerId, r.approvedBy].filter((id): id is string => id !== null)))])).map((p) => [p.personId, p.name]));
  return rows.map(({ orgId: _org, ...entry }) => ({
    ...entry, ownerName: entry.ownerId ? names.get(entry.ownerId) ?? '' : null, approvedByName: entry.approvedBy ? names.get(entry.approvedBy) ?? '' : null,
    expired: entry.expiresAt !== null && entry.expiresAt.getTime() <= Date.now(),
  }));
}
export type LibraryEntryView = Awaited<ReturnType<typeof withOwners>>[number];

export interface LibraryQuery { kind?: LibraryKind; includeExpired?: boolean; spokeId?: string }

/** What the actor may start from: the organization's entries and those of their spokes (editors see all, expired ones on request). */
export async function listLibrary(db: Database, actor: Actor, query: LibraryQuery): Promise<LibraryEntryView[]> {
  requireAccess(actor, 'mentions.read');
  const conditions: (SQL | undefined)[] = [eq(savedReplies.orgId, actor.orgId)];
  if (query.kind) conditions.push(eq(savedReplies.kind, query.kind));
  if (!query.includeExpired) conditions.push(or(isNull(savedReplies.expiresAt), gt(savedReplies.expiresAt, new Date())));
  const mySpokes = [...new Set(actor.roles.flatMap((g) => (g.spokeId ? [g.spokeId] : [])))];
  if (query.spokeId) conditions.push(eq(savedReplies.spokeId, query.spokeId));
  else if (!can(actor, 'conversations.all')) conditions.push(or(isNull(savedReplies.spokeId), ...(mySpokes.length > 0 ? [inArray(savedReplies.spokeId, mySpokes)] : [])));
  const rows = await db.select().from(savedReplies).where(and(...conditions)).orderBy(asc(savedReplies.kind), asc(savedReplies.title)).limit(500);
  return withOwners(db, actor.orgId, rows);
}

async function entryFor(db: Database, actor: Actor, id: string): Promise<EntryRow> {
  const [row] = await db.select().from(savedReplies).where(and(eq(savedReplies.orgId, actor.orgId), eq(savedReplies.id, id)));
  if (!row) throw notFound('Library entry');
  return row;
}

const titleTaken = (title: string) => conflict(`There is already an entry called "${title}".`, [{ field: 'body.title', message: 'is already taken' }]);

export async function createLibraryEntry(db: Database, actor: Actor, input: LibraryEntryInput): Promise<LibraryEntryView> {
  const spokeId = input.spokeId ?? null;
  await requireEditor(db, actor, input.kind, spokeId);
  const now = new Date();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(savedReplies).values({
      orgId: actor.orgId, kind: input.kind, title: input.title.trim(), text: input.text.trim(), ownerId: actor.personId, spokeId,
      topicIds: input.topicIds ?? [], language: input.language ?? null, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      // Holding statements are written by PR leads, whose writing is the approval.
      ...(input.kind === 'holding_statement' && { approvedBy: actor.personId, approvedAt: now }),
    }).returning();
    await recordAudit(tx, actor, { action: 'library.created', targetType: input.kind, targetId: created!.id, targetLabel: created!.title, after: created! });
    return created!;
  }).catch((error: unknown) => { throw isUniqueViolation(error) ? titleTaken(input.title) : error; });
  return (await withOwners(db, actor.orgId, [row]))[0]!;
}

export async function updateLibraryEntry(db: Database, actor: Actor, id: string, patch: Partial<Omit<LibraryEntryInput, 'kind'>>): Promise<LibraryEntryView> {
  const row = await db.transaction(async (tx) => {
    const before = await entryFor(tx, actor, id);
    await requireEditor(tx, actor, before.kind, patch.spokeId === undefined ? before.spokeId : patch.spokeId);
    const [after] = await tx.update(savedReplies).set({
      ...(patch.title !== undefined && { title: patch.title.trim() }), ...(patch.text !== undefined && { text: patch.text.trim() }),
      ...(patch.spokeId !== undefined && { spokeId: patch.spokeId }), ...(patch.topicIds !== undefined && { topicIds: patch.topicIds }),
      ...(patch.language !== undefined && { language: patch.language }), ...(patch.expiresAt !== undefined && { expiresAt: patch.expiresAt ? new Date(patch.expiresAt) : null }),
      ...(before.kind === 'holding_statement' && patch.text !== undefined && { approvedBy: actor.personId, approvedAt: new Date() }),
      updatedAt: new Date(),
    }).where(eq(savedReplies.id, id)).returning();
    await recordAudit(tx, actor, { action: 'library.updated', targetType: before.kind, targetId: id, targetLabel: after!.title, before, after: after! });
    return after!;
  }).catch((error: unknown) => { throw isUniqueViolation(error) ? titleTaken(patch.title ?? '') : error; });
  return (await withOwners(db, actor.orgId, [row]))[0]!;
}

export async function deleteLibraryEntry(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await entryFor(tx, actor, id);
    await requireEditor(tx, actor, before.kind, before.spokeId);
    await tx.delete(savedReplies).where(eq(savedReplies.id, id));
    await recordAudit(tx, actor, { action: 'library.deleted', targetType: before.kind, targetId: id, targetLabel: before.title, before });
  });
}
