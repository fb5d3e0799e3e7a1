// SLA policies: per priority by default, or named by a routing rule. The organization's
// policies come with the routing configuration.
import type { Priority } from '../rules/routing-rule.ts';
import type { slaPolicies } from '../routing.schema.ts';

export type SlaPolicy = typeof slaPolicies.$inferSelect;

/** The rule's policy if it names one of this organization, else the default for the priority (none: no clocks). */
export function choosePolicy(policies: readonly SlaPolicy[], policyId: string | null, priority: Priority): SlaPolicy | null {
  return policies.find((policy) => policy.id === policyId) ?? policies.find((policy) => policy.defaultFor === priority) ?? null;
}
