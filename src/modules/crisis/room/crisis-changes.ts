// Opening a crisis and changing it (title, severity, status, owner, topics, crisis
// team). Each runs in one transaction under the organization's crisis lock: the row,
// its timeline entries, the effects recomputed from all active crises, the audit entry
// and the live announcement commit together or not at all.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../errors.ts';
import { recordAudit, requireAccess, spokeNamesOf, staffByIds, type Actor } from '../../people/index.ts';
import { topicNamesById } from '../../listening/index.ts';
import { acknowledgeCrisisAlert } from '../crisis-alerts.ts';
import { crisisAlerts } from '../crisis.schema.ts';
import { crises, type CrisisSeverity, type CrisisStatus } from './crisis-room.schema.ts';
import { crisisOf, lockOrganizationCrises, type CrisisRow } from './crisis-records.ts';
import { announceCrisis, recordTimeline, type NewTimelineEntry } from './crisis-timeline.ts';
import { applyCrisisEffects } from './crisis-effects.ts';

export interface CrisisInput {
  title: string;
  severity: CrisisSeverity;
  topicIds: string[];
  fromAlertId?: string;
  ownerId?: string;
  status: 'monitoring' | 'active';
  crisisTeamSpokeId?: string | null;
}
export type CrisisPatch = Partial<Omit<CrisisInput, 'fromAlertId' | 'status'>> & { status?: CrisisStatus };

/** Field problems with the ids the input names: each must be the organization's. */
async function referenceProblems(db: Database, orgId: string, input: Pick<CrisisPatch, 'topicIds' | 'ownerId' | 'crisisTeamSpokeId'>): Promise<FieldProblem[]> {
  const [topics, owners, spokes] = await Promise.all([
    topicNamesById(db, orgId, { ids: input.topicIds ?? [] }),
    staffByIds(db, orgId, input.ownerId ? [input.ownerId] : []),
    spokeNamesOf(db, orgId, input.crisisTeamSpokeId ? [input.crisisTeamSpokeId] : []),
  ]);
  return [
    ...(input.topicIds ?? []).flatMap((id, index) => (topics.has(id) ? [] : [{ field: `body.topicIds.${index}`, message: 'is not a topic of this organization' }])),
    ...(input.ownerId && owners.length === 0 ? [{ field: 'body.ownerId', message: 'is not a person of this organization' }] : []),
    ...(input.crisisTeamSpokeId && !spokes.has(input.crisisTeamSpokeId) ? [{ field: 'body.crisisTeamSpokeId', message: 'is not a spoke of this organization' }] : []),
  ];
}

async function alertToOpenFrom(tx: Database, orgId: string, alertId: string) {
  const [alert] = await tx.select({ id: crisisAlerts.id, orgId: crisisAlerts.orgId, topicId: crisisAlerts.topicId, summary: crisisAlerts.summary, acknowledgedAt: crisisAlerts.acknowledgedAt })
    .from(crisisAlerts).where(eq(crisisAlerts.id, alertId));
  if (!alert || alert.orgId !== orgId) throw notFound('The crisis alert');
  return alert;
}

/** Opens a crisis by hand (title, severity, topics) or from an alert (its topic joins, the alert is acknowledged). */
export async function openCrisis(db: Database, actor: Actor, input: CrisisInput): Promise<CrisisRow> {
  requireAccess(actor, 'crisis.run');
  return db.transaction(async (tx) => {
    await lockOrganizationCrises(tx, actor.orgId);
    const alert = input.fromAlertId ? await alertToOpenFrom(tx, actor.orgId, input.fromAlertId) : undefined;
    const topicIds = [...new Set([...input.topicIds, ...(alert ? [alert.topicId] : [])])];
    const ownerId = input.ownerId ?? actor.personId;
    const problems = await referenceProblems(tx, actor.orgId, { topicIds: input.topicIds, ownerId: input.ownerId, crisisTeamSpokeId: input.crisisTeamSpokeId });
    if (alert && (await topicNamesById(tx, actor.orgId, { ids: [alert.topicId] })).size === 0) problems.push({ field: 'body.fromAlertId', message: 'is an alert on a topic that no longer exists' });
    if (topicIds.length === 0) problems.push({ field: 'body.topicIds', message: 'needs at least one topic of this organization (or fromAlertId)' });
    if (problems.length > 0) throw invalid(problems);

    // Times in milliseconds, as the lists' cursors page on them.
    const [opened] = await tx.insert(crises).values({
      orgId: actor.orgId, title: input.title.trim(), severity: input.severity, status: input.status, ownerId, topicIds,
      crisisTeamSpokeId: input.crisisTeamSpokeId ?? null, openedFromAlertId: alert?.id ?? null, openedAt: new Date(),
    }).returning();
    const crisis = opened!;
    const topicNames = [...(await topicNamesById(tx, actor.orgId, { ids: topicIds })).values()];
    await recordTimeline(tx, crisis, [{
      kind: 'opened', actorId: actor.personId,
      text: `Opened${alert ? ` from the alert "${alert.summary}"` : ''}: ${input.severity} severity, ${input.status}, on ${topicNames.join(', ')}.`,
      data: { status: crisis.status, severity: crisis.severity, topicIds, fromAlertId: crisis.openedFromAlertId },
    }]);
    // Someone is on it now: the alert need not be escalated.
    if (alert && !alert.acknowledgedAt) await acknowledgeCrisisAlert(tx, actor, alert.id);
    const saved = await applyCrisisEffects(tx, null, crisis);
    await recordAudit(tx, actor, { action: 'crisis.opened', targetType: 'crisis', targetId: saved.id, targetLabel: saved.title, after: saved });
    await announceCrisis(tx, saved, alert?.id ?? null);
    return saved;
  });
}

const CHANGEABLE = ['title', 'severity', 'status', 'ownerId', 'topicIds', 'crisisTeamSpokeId'] as const;
type Changeable = (typeof CHANGEABLE)[number];

function changedFields(before: CrisisRow, patch: CrisisPatch): Changeable[] {
  return CHANGEABLE.filter((field) => {
    const wanted = field === 'title' ? patch.title?.trim() : patch[field];
    if (wanted === undefined) return false;
    return Array.isArray(wanted) ? !(wanted.length === before.topicIds.length && wanted.every((id) => before.topicIds.includes(id))) : wanted !== before[field];
  });
}

/** The timeline's account of the changed fields ('status' entries also tell title, topics and crisis team). */
async function changeEntries(db: Database, actor: Actor, before: CrisisRow, after: CrisisRow, fields: Changeable[]): Promise<NewTimelineEntry[]> {
  const [people, topics, spokes] = await Promise.all([
    staffByIds(db, after.orgId, [before.ownerId, after.ownerId].filter((id): id is string => id !== null)),
    topicNamesById(db, after.orgId, { ids: [...before.topicIds, ...after.topicIds] }),
    spokeNamesOf(db, after.orgId, [before.crisisTeamSpokeId, after.crisisTeamSpokeId].filter((id): id is string => id !== null)),
  ]);
  const personName = (id: string | null) => (id ? people.find((person) => person.personId === id)?.name ?? 'someone' : 'nobody');
  const topicNames = (ids: string[]) => ids.map((id) => topics.get(id) ?? 'a deleted topic').join(', ');
  const spokeName = (id: string | null) => (id ? spokes.get(id) ?? 'a deleted spoke' : 'none');
  const entry = (kind: NewTimelineEntry['kind'], field: Changeable, text: string): NewTimelineEntry =>
    ({ kind, text, actorId: actor.personId, data: { field, from: before[field], to: after[field] } });
  return fields.map((field) => {
    switch (field) {
      case 'status': return entry('status', field, `Status: ${before.status} → ${after.status}.`);
      case 'severity': return entry('severity', field, `Severity: ${before.severity} → ${after.severity}.`);
      case 'ownerId': return entry('owner', field, `Owner: ${personName(before.ownerId)} → ${personName(after.ownerId)}.`);
      case 'title': return entry('status', field, `Renamed from "${before.title}" to "${after.title}".`);
      case 'topicIds': return entry('status', field, `Topics: ${topicNames(before.topicIds)} → ${topicNames(after.topicIds)}.`);
      case 'crisisTeamSpokeId': return entry('status', field, `Crisis team: ${spokeName(before.crisisTeamSpokeId)} → ${spokeName(after.crisisTeamSpokeId)}.`);
    }
  });
}

/** Any move between monitoring, active and recovering, and to closed; closed is final (reopening is opening a new crisis). */
export async function changeCrisis(db: Database, actor: Actor, crisisId: string, patch: CrisisPatch): Promise<CrisisRow> {
  requireAccess(actor, 'crisis.run');
  return db.transaction(async (tx) => {
    await lockOrganizationCrises(tx, actor.orgId);
    const before = await crisisOf(tx, actor.orgId, crisisId);
    const fields = changedFields(before, patch);
    if (fields.length === 0) return before;
    if (before.status === 'closed') throw conflict('The crisis is closed, which is final: open a new crisis to take it up again.', [{ field: 'body', message: 'a closed crisis cannot change' }]);
    const problems = await referenceProblems(tx, actor.orgId, { topicIds: patch.topicIds, ownerId: patch.ownerId, crisisTeamSpokeId: patch.crisisTeamSpokeId });
    if (problems.length > 0) throw invalid(problems);

    const [updated] = await tx.update(crises).set({
      ...(fields.includes('title') && { title: patch.title!.trim() }), ...(fields.includes('severity') && { severity: patch.severity }),
      ...(fields.includes('status') && { status: patch.status, ...(patch.status === 'closed' && { closedAt: new Date() }) }),
      ...(fields.includes('ownerId') && { ownerId: patch.ownerId }), ...(fields.includes('topicIds') && { topicIds: patch.topicIds }),
      ...(fields.includes('crisisTeamSpokeId') && { crisisTeamSpokeId: patch.crisisTeamSpokeId }),
      updatedAt: sql`now()`,
    }).where(eq(crises.id, before.id)).returning();
    const after = updated!;
    await recordTimeline(tx, after, await changeEntries(tx, actor, before, after, fields));
    const saved = await applyCrisisEffects(tx, before, after);
    const picked = (row: CrisisRow) => Object.fromEntries(fields.map((field) => [field, row[field]]));
    await recordAudit(tx, actor, { action: 'crisis.changed', targetType: 'crisis', targetId: saved.id, targetLabel: saved.title, before: picked(before), after: picked(saved) });
    await announceCrisis(tx, saved);
    return saved;
  });
}
