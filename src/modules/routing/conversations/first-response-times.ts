// How fast some conversations got their first answer (a crisis's, for its report):
// wall-clock minutes from when routing took the conversation in to its first reply,
// median and 90th percentile, counted in the database.
import { and, eq, gte, inArray, lt, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conversationStates } from '../routing.schema.ts';

export interface FirstResponseTimes {
  /** Conversations routed in the window. */
  conversations: number;
  /** Of those, the ones answered so far. */
  answered: number;
  /** Null while none is answered. */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** Over the conversations among `conversationIds` (a subquery of ids) that routing took in within [from, to). */
export async function firstResponseTimes(db: Database, orgId: string, conversationIds: SQLWrapper, window: { from: Date; to: Date }): Promise<FirstResponseTimes> {
  const minutes = sql`extract(epoch from ${conversationStates.firstRespondedAt} - ${conversationStates.createdAt}) / 60`;
  // percentile_cont skips the nulls of conversations not answered yet.
  const percentile = (fraction: number) => sql<number | null>`percentile_cont(${fraction}::float8) within group (order by ${minutes})`;
  const [row] = await db.select({
    conversations: sql<number>`count(*)::int`, answered: sql<number>`count(${conversationStates.firstRespondedAt})::int`,
    medianMinutes: percentile(0.5), p90Minutes: percentile(0.9),
  }).from(conversationStates).where(and(
    eq(conversationStates.orgId, orgId), inArray(conversationStates.conversationId, conversationIds),
    gte(conversationStates.createdAt, window.from), lt(conversationStates.createdAt, window.to),
  ));
  const rounded = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  return { conversations: row?.conversations ?? 0, answered: row?.answered ?? 0, medianMinutes: rounded(row?.medianMinutes), p90Minutes: rounded(row?.p90Minutes) };
}
