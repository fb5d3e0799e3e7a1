// SLA policies and spoke calendars as the hub edits them, audited.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { isUniqueViolation } from '../../../db/index.ts';
import { recordAudit, requireAccess, spokeNamesOf, type Actor } from '../../people/index.ts';
import { slaPolicies, spokeCalendars } from '../routing.schema.ts';
import type { WeeklySlot } from '../rules/weekly-hours.ts';

export type SlaPolicyInput = Omit<typeof slaPolicies.$inferInsert, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;
type PolicyRow = typeof slaPolicies.$inferSelect;
const policyView = ({ orgId: _org, createdAt: _c, updatedAt: _u, ...view }: PolicyRow) => view;

const clash = (error: unknown) => {
  if (!isUniqueViolation(error)) return error;
  return conflict('Another SLA policy already has this name or is already the default for this priority.');
};

function checkMinutes(input: Partial<SlaPolicyInput>): void {
  if (input.warnBeforeMinutes !== undefined && input.firstResponseMinutes !== undefined && input.warnBeforeMinutes >= input.firstResponseMinutes) {
    throw invalid([{ field: 'body.warnBeforeMinutes', message: 'must be shorter than the first-response time' }]);
  }
}

export async function listSlaPolicies(db: Database, actor: Actor) {
  requireAccess(actor, 'routing.manage');
  return (await db.select().from(slaPolicies).where(eq(slaPolicies.orgId, actor.orgId)).orderBy(asc(slaPolicies.name))).map(policyView);
}

async function findPolicy(db: Database, actor: Actor, id: string): Promise<PolicyRow> {
  const [row] = await db.select().from(slaPolicies).where(and(eq(slaPolicies.id, id), eq(slaPolicies.orgId, actor.orgId)));
  if (!row) throw notFound('SLA policy');
  return row;
}

export async function createSlaPolicy(db: Database, actor: Actor, input: SlaPolicyInput) {
  requireAccess(actor, 'routing.manage');
  checkMinutes(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(slaPolicies).values({ ...input, orgId: actor.orgId }).returning().catch((error) => { throw clash(error); });
    await recordAudit(tx, actor, { action: 'sla_policy.create', targetType: 'sla_policy', targetId: row!.id, targetLabel: row!.name, after: policyView(row!) });
    return policyView(row!);
  });
}

export async function updateSlaPolicy(db: Database, actor: Actor, id: string, patch: Partial<SlaPolicyInput>) {
  requireAccess(actor, 'routing.manage');
  const before = await findPolicy(db, actor, id);
  checkMinutes({ ...before, ...patch });
  return db.transaction(async (tx) => {
    const [row] = await tx.update(slaPolicies).set({ ...patch, updatedAt: new Date() }).where(eq(slaPolicies.id, id)).returning().catch((error) => { throw clash(error); });
    await recordAudit(tx, actor, { action: 'sla_policy.update', targetType: 'sla_policy', targetId: id, targetLabel: row!.name, before: policyView(before), after: policyView(row!) });
    return policyView(row!);
  });
}

export async function deleteSlaPolicy(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'routing.manage');
  const before = await findPolicy(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(slaPolicies).where(eq(slaPolicies.id, id));
    await recordAudit(tx, actor, { action: 'sla_policy.delete', targetType: 'sla_policy', targetId: id, targetLabel: before.name, before: policyView(before) });
  });
}

export async function getSpokeCalendar(db: Database, actor: Actor, spokeId: string) {
  requireAccess(actor, 'routing.manage');
  const [row] = await db.select().from(spokeCalendars).where(and(eq(spokeCalendars.spokeId, spokeId), eq(spokeCalendars.orgId, actor.orgId)));
  if (!row) throw notFound('Calendar of this spoke');
  return { spokeId: row.spokeId, timeZone: row.timeZone, slots: row.slots };
}

export async function setSpokeCalendar(db: Database, actor: Actor, spokeId: string, calendar: { timeZone: string; slots: WeeklySlot[] }) {
  requireAccess(actor, 'routing.manage');
  if (!(await spokeNamesOf(db, actor.orgId, [spokeId])).has(spokeId)) throw notFound('Spoke');
  try {
    new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone });
  } catch {
    throw invalid([{ field: 'body.timeZone', message: `"${calendar.timeZone}" is not an IANA time zone (e.g. Europe/London)` }]);
  }
  calendar.slots.forEach((slot, index) => {
    if (slot.start >= slot.end) throw invalid([{ field: `body.slots.${index}`, message: 'must end after it starts' }]);
  });
  await db.transaction(async (tx) => {
    await tx.insert(spokeCalendars).values({ spokeId, orgId: actor.orgId, ...calendar })
      .onConflictDoUpdate({ target: spokeCalendars.spokeId, set: { ...calendar, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'spoke_calendar.set', targetType: 'spoke', targetId: spokeId, after: calendar });
  });
  return { spokeId, ...calendar };
}
