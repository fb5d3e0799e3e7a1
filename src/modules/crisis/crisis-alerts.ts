// The alerts the detectors raised, for the PR leads and the hub: newest first, and
// acknowledging one ("someone is on it"), written to the audit log with the change.
import { and, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor, type Database } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../people/index.ts';
import { crisisAlerts } from './crisis.schema.ts';

export interface CrisisAlertFilter { topicId?: string; acknowledged?: boolean; cursor?: string; limit: number }

const view = {
  id: crisisAlerts.id, topicId: crisisAlerts.topicId, detector: crisisAlerts.detector, summary: crisisAlerts.summary,
  explanation: crisisAlerts.explanation, sampleMentionIds: crisisAlerts.sampleMentionIds, raisedAt: crisisAlerts.raisedAt,
  acknowledgedAt: crisisAlerts.acknowledgedAt, acknowledgedBy: crisisAlerts.acknowledgedBy,
};

export async function listCrisisAlerts(db: Database, actor: Actor, filter: CrisisAlertFilter) {
  requireAccess(actor, 'crisis.watch');
  // Keyset on (raised_at, id): the cursor names the last alert of the page.
  const after = filter.cursor ? decodeCursor(filter.cursor, 2) : undefined;
  const afterAt = after ? new Date(String(after[0])) : undefined;
  const rows = await db.select(view).from(crisisAlerts).where(and(
    eq(crisisAlerts.orgId, actor.orgId),
    filter.topicId ? eq(crisisAlerts.topicId, filter.topicId) : undefined,
    filter.acknowledged === undefined ? undefined : filter.acknowledged ? isNotNull(crisisAlerts.acknowledgedAt) : isNull(crisisAlerts.acknowledgedAt),
    after ? or(lt(crisisAlerts.raisedAt, afterAt!), and(eq(crisisAlerts.raisedAt, afterAt!), lt(crisisAlerts.id, String(after[1])))) : undefined,
  )).orderBy(desc(crisisAlerts.raisedAt), desc(crisisAlerts.id)).limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > filter.limit && last ? encodeCursor([last.raisedAt.toISOString(), last.id]) : null };
}

/** Marks the alert seen by the actor; acknowledging it again changes nothing and keeps the first acknowledgement. */
export async function acknowledgeCrisisAlert(db: Database, actor: Actor, alertId: string) {
  requireAccess(actor, 'crisis.watch');
  return db.transaction(async (tx) => {
    const [acknowledged] = await tx.update(crisisAlerts).set({ acknowledgedAt: sql`now()`, acknowledgedBy: actor.personId })
      .where(and(eq(crisisAlerts.orgId, actor.orgId), eq(crisisAlerts.id, alertId), isNull(crisisAlerts.acknowledgedAt))).returning(view);
    if (acknowledged) {
      await recordAudit(tx, actor, {
        action: 'crisis.alert.acknowledge', targetType: 'crisis_alert', targetId: alertId, targetLabel: acknowledged.summary,
        before: { acknowledgedAt: null }, after: { acknowledgedAt: acknowledged.acknowledgedAt, acknowledgedBy: acknowledged.acknowledgedBy },
      });
      return acknowledged;
    }
    const [existing] = await tx.select(view).from(crisisAlerts).where(and(eq(crisisAlerts.orgId, actor.orgId), eq(crisisAlerts.id, alertId)));
    if (!existing) throw notFound('The crisis alert');
    return existing;
  });
}
