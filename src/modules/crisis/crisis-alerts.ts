// The alerts the detectors raised, for the PR leads and the hub: newest first, one by
// one, and acknowledging one ("someone is on it"), written to the audit log and
// announced live with the change.
import { and, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor, type Database } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../people/index.ts';
import { publishLiveEvents } from '../routing/index.ts';
import { crisisChanged, topicNamesOf } from './alert-messages.ts';
import { crisisAlerts } from './crisis.schema.ts';

export interface CrisisAlertFilter { topicId?: string; acknowledged?: boolean; cursor?: string; limit: number }

const columns = {
  id: crisisAlerts.id, topicId: crisisAlerts.topicId, detector: crisisAlerts.detector, summary: crisisAlerts.summary,
  explanation: crisisAlerts.explanation, sampleMentionIds: crisisAlerts.sampleMentionIds, raisedAt: crisisAlerts.raisedAt,
  acknowledgedAt: crisisAlerts.acknowledgedAt, acknowledgedBy: crisisAlerts.acknowledgedBy, escalatedAt: crisisAlerts.escalatedAt,
};
type AlertRow = Pick<typeof crisisAlerts.$inferSelect, keyof typeof columns>;

/** The alerts with their topics' names (one query for the page). */
async function viewsOf(db: Database, orgId: string, rows: AlertRow[]) {
  const names = await topicNamesOf(db, orgId, rows.map((row) => row.topicId));
  return rows.map((row) => ({ ...row, topicName: names.get(row.topicId)! }));
}

export async function listCrisisAlerts(db: Database, actor: Actor, filter: CrisisAlertFilter) {
  requireAccess(actor, 'crisis.watch');
  // Keyset on (raised_at, id): the cursor names the last alert of the page.
  const after = filter.cursor ? decodeCursor(filter.cursor, 2) : undefined;
  const afterAt = after ? new Date(String(after[0])) : undefined;
  const rows = await db.select(columns).from(crisisAlerts).where(and(
    eq(crisisAlerts.orgId, actor.orgId),
    filter.topicId ? eq(crisisAlerts.topicId, filter.topicId) : undefined,
    filter.acknowledged === undefined ? undefined : filter.acknowledged ? isNotNull(crisisAlerts.acknowledgedAt) : isNull(crisisAlerts.acknowledgedAt),
    after ? or(lt(crisisAlerts.raisedAt, afterAt!), and(eq(crisisAlerts.raisedAt, afterAt!), lt(crisisAlerts.id, String(after[1])))) : undefined,
  )).orderBy(desc(crisisAlerts.raisedAt), desc(crisisAlerts.id)).limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { items: await viewsOf(db, actor.orgId, page), nextCursor: rows.length > filter.limit && last ? encodeCursor([last.raisedAt.toISOString(), last.id]) : null };
}

async function findAlert(db: Database, orgId: string, alertId: string) {
  const [row] = await db.select(columns).from(crisisAlerts).where(and(eq(crisisAlerts.orgId, orgId), eq(crisisAlerts.id, alertId)));
  if (!row) throw notFound('The crisis alert');
  return row;
}

export async function getCrisisAlert(db: Database, actor: Actor, alertId: string) {
  requireAccess(actor, 'crisis.watch');
  const [view] = await viewsOf(db, actor.orgId, [await findAlert(db, actor.orgId, alertId)]);
  return view!;
}

/** Marks the alert seen by the actor; acknowledging it again changes nothing and keeps the first acknowledgement. */
export async function acknowledgeCrisisAlert(db: Database, actor: Actor, alertId: string) {
  requireAccess(actor, 'crisis.watch');
  const row = await db.transaction(async (tx) => {
    const [acknowledged] = await tx.update(crisisAlerts).set({ acknowledgedAt: sql`now()`, acknowledgedBy: actor.personId })
      .where(and(eq(crisisAlerts.orgId, actor.orgId), eq(crisisAlerts.id, alertId), isNull(crisisAlerts.acknowledgedAt))).returning(columns);
    if (!acknowledged) return findAlert(tx, actor.orgId, alertId);
    await recordAudit(tx, actor, {
      action: 'crisis.alert.acknowledge', targetType: 'crisis_alert', targetId: alertId, targetLabel: acknowledged.summary,
      before: { acknowledgedAt: null }, after: { acknowledgedAt: acknowledged.acknowledgedAt, acknowledgedBy: acknowledged.acknowledgedBy },
    });
    await publishLiveEvents(tx, [crisisChanged(actor.orgId, alertId)]);
    return acknowledged;
  });
  const [view] = await viewsOf(db, actor.orgId, [row]);
  return view!;
}
