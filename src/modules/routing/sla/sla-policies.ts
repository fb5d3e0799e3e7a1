// SLA policies: per priority by default, or named by a routing rule.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import type { Priority } from '../rules/routing-rule.ts';
import { slaPolicies } from '../routing.schema.ts';

export type SlaPolicy = typeof slaPolicies.$inferSelect;

/** The rule's policy if it names one of this organization, else the default for the priority (none: no clocks). */
export async function slaPolicyFor(db: Database, orgId: string, policyId: string | null, priority: Priority): Promise<SlaPolicy | null> {
  return choosePolicy(await slaPoliciesOf(db, orgId), policyId, priority);
}

export async function slaPolicyById(db: Database, orgId: string, policyId: string | null): Promise<SlaPolicy | null> {
  if (!policyId) return null;
  const [policy] = await db.select().from(slaPolicies).where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.id, policyId)));
  return policy ?? null;
}

/** The organization's policies, to choose from for a whole batch. */
export async function slaPoliciesOf(db: Database, orgId: string): Promise<SlaPolicy[]> {
  return db.select().from(slaPolicies).where(eq(slaPolicies.orgId, orgId));
}

/** As slaPolicyFor, from the policies in hand (a batch loads them once). */
export function choosePolicy(policies: readonly SlaPolicy[], policyId: string | null, priority: Priority): SlaPolicy | null {
  return policies.find((policy) => policy.id === policyId) ?? policies.find((policy) => policy.defaultFor === priority) ?? null;
}
