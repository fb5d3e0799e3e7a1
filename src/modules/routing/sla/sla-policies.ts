// SLA policies: per priority by default, or named by a routing rule.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import type { Priority } from '../rules/routing-rule.ts';
import { slaPolicies } from '../routing.schema.ts';

export type SlaPolicy = typeof slaPolicies.$inferSelect;

/** The rule's policy if it names one of this organization, else the default for the priority (none: no clocks). */
export async function slaPolicyFor(db: Database, orgId: string, policyId: string | null, priority: Priority): Promise<SlaPolicy | null> {
  const condition = policyId ? eq(slaPolicies.id, policyId) : eq(slaPolicies.defaultFor, priority);
  const [policy] = await db.select().from(slaPolicies).where(and(eq(slaPolicies.orgId, orgId), condition));
  if (policy || !policyId) return policy ?? null;
  return slaPolicyFor(db, orgId, null, priority);
}

export async function slaPolicyById(db: Database, orgId: string, policyId: string | null): Promise<SlaPolicy | null> {
  if (!policyId) return null;
  const [policy] = await db.select().from(slaPolicies).where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.id, policyId)));
  return policy ?? null;
}
