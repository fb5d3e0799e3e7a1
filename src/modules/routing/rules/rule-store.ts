// The organization's routing rules as the hub edits them: ordered, each checked at
// the boundary (its spoke and SLA policy must be the organization's), every change
// audited; and the preview that runs them over a mention and says who would get it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { invalid, notFound } from '../../../errors.ts';
import { recordAudit, requireAccess, spokeNamesOf, type Actor } from '../../people/index.ts';
import { routingRules, slaPolicies } from '../routing.schema.ts';
import type { Condition, RuleActions } from './routing-rule.ts';

export interface RuleInput { name: string; enabled?: boolean; stop?: boolean; conditions: Condition[]; actions: RuleActions }
type RuleRow = typeof routingRules.$inferSelect;

const ruleView = ({ id, position, name, enabled, stop, conditions, actions }: RuleRow) => ({ id, position, name, enabled, stop, conditions, actions });
export type RuleView = ReturnType<typeof ruleView>;

async function checkReferences(db: Database, orgId: string, input: Partial<RuleInput>): Promise<void> {
  const routeTo = input.actions?.routeTo;
  if (routeTo && (routeTo.spokeId === undefined) === (routeTo.place === undefined)) {
    throw invalid([{ field: 'body.actions.routeTo', message: 'must name either a spokeId or place: true' }]);
  }
  if (routeTo?.spokeId && !(await spokeNamesOf(db, orgId, [routeTo.spokeId])).has(routeTo.spokeId)) {
    throw invalid([{ field: 'body.actions.routeTo.spokeId', message: 'is not a spoke of this organization' }]);
  }
  const policyId = input.actions?.slaPolicyId;
  if (policyId && (await db.select({ id: slaPolicies.id }).from(slaPolicies).where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.id, policyId)))).length === 0) {
    throw invalid([{ field: 'body.actions.slaPolicyId', message: 'is not an SLA policy of this organization' }]);
  }
  (input.conditions ?? []).forEach((condition, index) => {
    if (condition.field !== 'businessHours') return;
    try {
      new Intl.DateTimeFormat('en', { timeZone: condition.hours.timeZone });
    } catch {
      throw invalid([{ field: `body.conditions.${index}.hours.timeZone`, message: `"${condition.hours.timeZone}" is not an IANA time zone` }]);
    }
  });
}

export async function listRules(db: Database, actor: Actor): Promise<RuleView[]> {
  requireAccess(actor, 'routing.manage');
  return (await db.select().from(routingRules).where(eq(routingRules.orgId, actor.orgId)).orderBy(asc(routingRules.position), asc(routingRules.createdAt))).map(ruleView);
}

async function findRule(db: Database, actor: Actor, id: string): Promise<RuleRow> {
  const [row] = await db.select().from(routingRules).where(and(eq(routingRules.id, id), eq(routingRules.orgId, actor.orgId)));
  if (!row) throw notFound('Routing rule');
  return row;
}

/** Adds a rule after the others, or with `first` before them all (a crisis room sends its topics to the crisis team before any other rule). */
export async function createRule(db: Database, actor: Actor, input: RuleInput, placement: { first?: boolean } = {}): Promise<RuleView> {
  requireAccess(actor, 'routing.manage');
  await checkReferences(db, actor.orgId, input);
  return db.transaction(async (tx) => {
    const position = placement.first
      ? sql<number>`(select coalesce(min(position) - 1, 0) from routing_rules where org_id = ${actor.orgId})`
      : sql<number>`(select coalesce(max(position) + 1, 0) from routing_rules where org_id = ${actor.orgId})`;
    const [row] = await tx.insert(routingRules).values({ ...input, orgId: actor.orgId, position }).returning();
    await recordAudit(tx, actor, { action: 'routing_rule.create', targetType: 'routing_rule', targetId: row!.id, targetLabel: row!.name, after: ruleView(row!) });
    return ruleView(row!);
  });
}

export async function updateRule(db: Database, actor: Actor, id: string, patch: Partial<RuleInput>): Promise<RuleView> {
  requireAccess(actor, 'routing.manage');
  const before = await findRule(db, actor, id);
  await checkReferences(db, actor.orgId, patch);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(routingRules).set({ ...patch, updatedAt: new Date() }).where(eq(routingRules.id, id)).returning();
    await recordAudit(tx, actor, { action: 'routing_rule.update', targetType: 'routing_rule', targetId: id, targetLabel: row!.name, before: ruleView(before), after: ruleView(row!) });
    return ruleView(row!);
  });
}

export async function deleteRule(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'routing.manage');
  const before = await findRule(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(routingRules).where(eq(routingRules.id, id));
    await recordAudit(tx, actor, { action: 'routing_rule.delete', targetType: 'routing_rule', targetId: id, targetLabel: before.name, before: ruleView(before) });
  });
}

/** Puts the rules in the given order; every rule of the organization must be named once. */
export async function reorderRules(db: Database, actor: Actor, ids: string[]): Promise<RuleView[]> {
  requireAccess(actor, 'routing.manage');
  const existing = await db.select({ id: routingRules.id }).from(routingRules).where(eq(routingRules.orgId, actor.orgId));
  const known = new Set(existing.map((row) => row.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
    throw invalid([{ field: 'body.ids', message: 'must name every routing rule of the organization exactly once' }]);
  }
  await db.transaction(async (tx) => {
    for (const [position, id] of ids.entries()) await tx.update(routingRules).set({ position }).where(and(eq(routingRules.id, id), inArray(routingRules.id, ids)));
    await recordAudit(tx, actor, { action: 'routing_rule.reorder', targetType: 'routing_rule', after: { ids } });
  });
  return listRules(db, actor);
}
