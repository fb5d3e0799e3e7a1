// The organization's categories (which part of the company should care), their
// keywords that override the model, and the labeled examples the model learns from.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { decodeCursor, encodeCursor, isUniqueViolation } from '../../db/index.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../people/index.ts';
import { categories, categoryExamples } from './triage.schema.ts';
import { scheduleCategoryLearning } from './category-learning.ts';

export interface CategoryInput { name: string; description?: string | null; keywords?: string[]; position?: number }
type CategoryRow = typeof categories.$inferSelect;

const categoryView = ({ orgId: _org, ...category }: CategoryRow, examples = 0) => ({ ...category, examples });
export type CategoryView = ReturnType<typeof categoryView>;

const cleanKeywords = (keywords: string[] | undefined) =>
  keywords === undefined ? undefined : [...new Set(keywords.map((keyword) => keyword.trim()).filter(Boolean))];

const nameTaken = (name: string | undefined) => conflict(`A category named "${name}" already exists.`, [{ field: 'body.name', message: 'is already taken' }]);

export async function findCategory(db: Database, actor: Actor, id: string): Promise<CategoryRow> {
  const [row] = await db.select().from(categories).where(and(eq(categories.id, id), eq(categories.orgId, actor.orgId)));
  if (!row) throw notFound('Category');
  return row;
}

export async function listCategories(db: Database, actor: Actor): Promise<CategoryView[]> {
  requireAccess(actor, 'mentions.read');
  const rows = await db.select({ category: categories, examples: count(categoryExamples.id) }).from(categories)
    .leftJoin(categoryExamples, eq(categoryExamples.categoryId, categories.id))
    .where(eq(categories.orgId, actor.orgId)).groupBy(categories.id).orderBy(asc(categories.position), asc(categories.name));
  return rows.map((row) => categoryView(row.category, row.examples));
}

export async function createCategory(db: Database, actor: Actor, input: CategoryInput): Promise<CategoryView> {
  requireAccess(actor, 'triage.manage');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(categories).values({ ...input, keywords: cleanKeywords(input.keywords) ?? [], orgId: actor.orgId }).returning()
      .catch((error) => { throw isUniqueViolation(error) ? nameTaken(input.name) : error; });
    await recordAudit(tx, actor, { action: 'category.create', targetType: 'category', targetId: row!.id, targetLabel: row!.name, after: categoryView(row!) });
    return categoryView(row!);
  });
}

export async function updateCategory(db: Database, actor: Actor, id: string, patch: Partial<CategoryInput>): Promise<CategoryView> {
  requireAccess(actor, 'triage.manage');
  const before = await findCategory(db, actor, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(categories).set({ ...patch, keywords: cleanKeywords(patch.keywords), updatedAt: new Date() })
      .where(eq(categories.id, id)).returning()
      .catch((error) => { throw isUniqueViolation(error) ? nameTaken(patch.name) : error; });
    await recordAudit(tx, actor, { action: 'category.update', targetType: 'category', targetId: id, targetLabel: row!.name, before: categoryView(before), after: categoryView(row!) });
    return categoryView(row!);
  });
}

/** Removes a category and its examples; the model forgets it at its next learning. */
export async function deleteCategory(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'triage.manage');
  const before = await findCategory(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(categories).where(eq(categories.id, id));
    await recordAudit(tx, actor, { action: 'category.delete', targetType: 'category', targetId: id, targetLabel: before.name, before: categoryView(before) });
    await scheduleCategoryLearning(tx, actor.orgId);
  });
}

export async function listExamples(db: Database, actor: Actor, categoryId: string, query: { cursor?: string; limit?: number }) {
  requireAccess(actor, 'mentions.read');
  await findCategory(db, actor, categoryId);
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor, 2) as [string, string] : undefined;
  const rows = await db.select({
    id: categoryExamples.id, text: categoryExamples.text, origin: categoryExamples.origin, mentionId: categoryExamples.mentionId,
    createdAt: categoryExamples.createdAt, learnedAt: categoryExamples.learnedAt,
    // Microseconds, which a JavaScript Date would lose: the cursor must name the row exactly.
    sortKey: sql<string>`${categoryExamples.createdAt}::text`,
  }).from(categoryExamples).where(and(
    eq(categoryExamples.orgId, actor.orgId), eq(categoryExamples.categoryId, categoryId),
    after ? sql`(${categoryExamples.createdAt}, ${categoryExamples.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
  )).orderBy(desc(categoryExamples.createdAt), desc(categoryExamples.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortKey: _sortKey, ...example }) => example),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

/** Typed-in or imported examples of a category; the model learns them shortly after. */
export async function addExamples(db: Database, actor: Actor, categoryId: string, texts: string[], origin: 'manual' | 'imported' = 'manual'): Promise<{ added: number }> {
  requireAccess(actor, 'triage.manage');
  await findCategory(db, actor, categoryId);
  const distinct = [...new Set(texts.map((text) => text.trim()).filter(Boolean))];
  if (distinct.length === 0) return { added: 0 };
  await db.transaction(async (tx) => {
    await tx.insert(categoryExamples).values(distinct.map((text) => ({ orgId: actor.orgId, categoryId, text, origin, createdBy: actor.personId })));
    await scheduleCategoryLearning(tx, actor.orgId);
  });
  return { added: distinct.length };
}

export async function deleteExample(db: Database, actor: Actor, exampleId: string): Promise<void> {
  requireAccess(actor, 'triage.manage');
  const deleted = await db.delete(categoryExamples).where(and(eq(categoryExamples.id, exampleId), eq(categoryExamples.orgId, actor.orgId))).returning({ id: categoryExamples.id });
  if (deleted.length === 0) throw notFound('Example');
}

