// How well the category model does, over time: each new label was first predicted by
// the model as it stood (progressive validation), so every learning round is a test on
// examples the model had not seen. Shown per day, with the model as it is now.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { requireAccess, type Actor } from '../people/index.ts';
import { categoryAccuracy, categoryModels } from './triage.schema.ts';

export async function categoryModelStatus(db: Database, actor: Actor, days = 90) {
  requireAccess(actor, 'mentions.read');
  const [model] = await db.select({ version: categoryModels.version, examples: categoryModels.examples, trainedAt: categoryModels.trainedAt })
    .from(categoryModels).where(eq(categoryModels.orgId, actor.orgId));
  const day = sql<string>`to_char(date_trunc('day', ${categoryAccuracy.measuredAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const perDay = await db.select({
    day, tested: sql<number>`sum(${categoryAccuracy.tested})::int`, correct: sql<number>`sum(${categoryAccuracy.correct})::int`,
    examples: sql<number>`max(${categoryAccuracy.examples})::int`,
  }).from(categoryAccuracy)
    .where(and(eq(categoryAccuracy.orgId, actor.orgId), gte(categoryAccuracy.measuredAt, new Date(Date.now() - days * 24 * 3600_000))))
    .groupBy(day).orderBy(asc(day));
  return {
    model: model ?? null,
    accuracyByDay: perDay.map((row) => ({ ...row, accuracy: row.tested > 0 ? row.correct / row.tested : null })),
  };
}
