// Listening topics: named Boolean queries that decide which posts are about us.
// A query is parsed when saved, so a broken one is refused with its position.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { isUniqueViolation } from '../../db/index.ts';
import { recordAudit, requireAccess, type Actor } from '../people/index.ts';
import { topics } from './listening.schema.ts';
import { parseQuery, QuerySyntaxError } from './query/index.ts';

/** Refuses a query that does not parse, naming the body field and the position. */
function assertValidQuery(query: string): void {
  try {
    parseQuery(query);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    throw new AppError('VALIDATION_FAILED', `body.query: ${error.message}`, [{ field: 'body.query', message: error.message, position: error.position, expected: error.expected }]);
  }
}

export interface TopicInput { name: string; query: string; active?: boolean }
type TopicRow = typeof topics.$inferSelect;

export const topicView = ({ orgId: _org, ...topic }: TopicRow) => topic;
export type TopicView = ReturnType<typeof topicView>;

async function findTopic(db: Database, actor: Actor, id: string): Promise<TopicRow> {
  const [row] = await db.select().from(topics).where(and(eq(topics.id, id), eq(topics.orgId, actor.orgId)));
  if (!row) throw notFound('Topic');
  return row;
}

const nameTaken = (name: string | undefined) => conflict(`A topic named "${name}" already exists.`, [{ field: 'body.name', message: 'is already taken' }]);

export async function createTopic(db: Database, actor: Actor, input: TopicInput): Promise<TopicView> {
  requireAccess(actor, 'listening.manage');
  assertValidQuery(input.query);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(topics).values({ ...input, orgId: actor.orgId }).returning()
      .catch((error) => { throw isUniqueViolation(error) ? nameTaken(input.name) : error; });
    await recordAudit(tx, actor, { action: 'topic.create', targetType: 'topic', targetId: row!.id, targetLabel: row!.name, after: topicView(row!) });
    return topicView(row!);
  });
}

export async function updateTopic(db: Database, actor: Actor, id: string, patch: Partial<TopicInput>): Promise<TopicView> {
  requireAccess(actor, 'listening.manage');
  const before = await findTopic(db, actor, id);
  if (patch.query !== undefined) assertValidQuery(patch.query);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(topics).set({ ...patch, updatedAt: new Date() }).where(eq(topics.id, id)).returning()
      .catch((error) => { throw isUniqueViolation(error) ? nameTaken(patch.name) : error; });
    await recordAudit(tx, actor, { action: 'topic.update', targetType: 'topic', targetId: id, targetLabel: row!.name, before: topicView(before), after: topicView(row!) });
    return topicView(row!);
  });
}

export async function deleteTopic(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'listening.manage');
  const before = await findTopic(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(topics).where(eq(topics.id, id));
    await recordAudit(tx, actor, { action: 'topic.delete', targetType: 'topic', targetId: id, targetLabel: before.name, before: topicView(before) });
  });
}

export async function getTopic(db: Database, actor: Actor, id: string): Promise<TopicView> {
  requireAccess(actor, 'mentions.read');
  return topicView(await findTopic(db, actor, id));
}

export async function listTopics(db: Database, actor: Actor): Promise<TopicView[]> {
  requireAccess(actor, 'mentions.read');
  const rows = await db.select().from(topics).where(eq(topics.orgId, actor.orgId)).orderBy(asc(sql`lower(${topics.name})`));
  return rows.map(topicView);
}

/** The organization's topics by name, all or only the active ones, or those of the given ids: for modules above that name or check topics. */
export async function topicNamesById(db: Database, orgId: string, which: { ids?: readonly string[]; activeOnly?: boolean } = {}): Promise<Map<string, string>> {
  if (which.ids?.length === 0) return new Map();
  const rows = await db.select({ id: topics.id, name: topics.name }).from(topics).where(and(
    eq(topics.orgId, orgId), which.ids ? inArray(topics.id, [...which.ids]) : undefined, which.activeOnly ? eq(topics.active, true) : undefined,
  )).orderBy(asc(sql`lower(${topics.name})`));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The active topics of an organization, as the matcher compiles them. */
export async function activeTopicsOf(db: Database, orgId: string): Promise<{ id: string; query: string }[]> {
  return db.select({ id: topics.id, query: topics.query }).from(topics).where(and(eq(topics.orgId, orgId), eq(topics.active, true)));
}
