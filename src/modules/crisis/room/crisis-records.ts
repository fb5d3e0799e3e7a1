// Crises as stored and as people read them: finding one in the actor's organization,
// the lock that makes one change at a time per organization, the window a crisis
// covers, and the summary and full views (names, and the effects it holds now).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { notFound } from '../../../errors.ts';
import { requireAccess, spokeNamesOf, staffByIds, type Actor } from '../../people/index.ts';
import { topicNamesById } from '../../listening/index.ts';
import { riskSettingsOf } from '../../respond/index.ts';
import { advocacySettingsOf } from '../../advocacy/index.ts';
import { crises, type CrisisStatus } from './crisis-room.schema.ts';
import { decodeTimeCursor, encodeTimeCursor } from './time-cursor.ts';

export type CrisisRow = typeof crises.$inferSelect;

/** Effects are recomputed from all of an organization's active crises: two changes at once must not both compute from the old set. */
export async function lockOrganizationCrises(tx: Database, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`crisis-room:${orgId}`}, 0))`);
}

export async function crisisOf(db: Database, orgId: string, crisisId: string): Promise<CrisisRow> {
  const [row] = await db.select().from(crises).where(and(eq(crises.orgId, orgId), eq(crises.id, crisisId)));
  if (!row) throw notFound('The crisis');
  return row;
}

const HOUR_MS = 3_600_000;

/** What a crisis covers in time: from an hour before it opened (the lead-up its alerts came from) until it closed, or now. */
export function crisisWindow(crisis: Pick<CrisisRow, 'openedAt' | 'closedAt'>, now = new Date()): { from: Date; to: Date } {
  return { from: new Date(crisis.openedAt.getTime() - HOUR_MS), to: crisis.closedAt ?? now };
}

async function namesFor(db: Database, orgId: string, rows: CrisisRow[]) {
  const [owners, topics] = await Promise.all([
    staffByIds(db, orgId, [...new Set(rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])))]),
    topicNamesById(db, orgId, { ids: [...new Set(rows.flatMap((row) => row.topicIds))] }),
  ]);
  return { owners: new Map(owners.map((owner) => [owner.personId, owner.name])), topics };
}

type Names = Awaited<ReturnType<typeof namesFor>>;

const summaryOf = (row: CrisisRow, names: Names) => ({
  id: row.id, title: row.title, severity: row.severity, status: row.status, ownerId: row.ownerId,
  ownerName: row.ownerId ? names.owners.get(row.ownerId) ?? null : null,
  // A deleted topic drops out of the names; the crisis keeps its id.
  topicIds: row.topicIds, topicNames: row.topicIds.flatMap((id) => names.topics.get(id) ?? []),
  openedAt: row.openedAt, closedAt: row.closedAt,
});
export type CrisisSummary = ReturnType<typeof summaryOf>;

export async function viewCrisis(db: Database, row: CrisisRow) {
  const [names, spokeNames, risk, advocacy] = await Promise.all([
    namesFor(db, row.orgId, [row]),
    spokeNamesOf(db, row.orgId, row.crisisTeamSpokeId ? [row.crisisTeamSpokeId] : []),
    riskSettingsOf(db, row.orgId),
    advocacySettingsOf(db, row.orgId),
  ]);
  const active = row.status === 'active';
  return {
    ...summaryOf(row, names),
    topics: row.topicIds.flatMap((id) => (names.topics.has(id) ? [{ id, name: names.topics.get(id)! }] : [])),
    crisisTeamSpokeId: row.crisisTeamSpokeId,
    crisisTeamSpokeName: row.crisisTeamSpokeId ? spokeNames.get(row.crisisTeamSpokeId) ?? null : null,
    openedFromAlertId: row.openedFromAlertId,
    // As the rest of Herd has them now, not as the crisis wished them: a person may have resumed advocacy by hand.
    effects: {
      repliesNeedApproval: active && row.topicIds.every((id) => risk.crisisTopicIds.includes(id)),
      advocacyPaused: active && advocacy.paused,
      routedToSpokeId: row.routingRuleId ? row.crisisTeamSpokeId : null,
    },
  };
}
export type CrisisView = Awaited<ReturnType<typeof viewCrisis>>;

export async function getCrisis(db: Database, actor: Actor, crisisId: string): Promise<CrisisView> {
  requireAccess(actor, 'crisis.watch');
  return viewCrisis(db, await crisisOf(db, actor.orgId, crisisId));
}

export interface CrisisListQuery { status?: CrisisStatus; cursor?: string; limit: number }

/** Newest opened first; keyset on (opened_at, id), opened_at written in milliseconds. */
export async function listCrises(db: Database, actor: Actor, query: CrisisListQuery) {
  requireAccess(actor, 'crisis.watch');
  const after = decodeTimeCursor(query.cursor);
  const rows = await db.select().from(crises).where(and(
    eq(crises.orgId, actor.orgId),
    query.status ? eq(crises.status, query.status) : undefined,
    after ? sql`(${crises.openedAt}, ${crises.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
  )).orderBy(desc(crises.openedAt), desc(crises.id)).limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const names = await namesFor(db, actor.orgId, items);
  const last = items.at(-1);
  return { items: items.map((row) => summaryOf(row, names)), nextCursor: rows.length > query.limit && last ? encodeTimeCursor({ at: last.openedAt, id: last.id }) : null };
}
