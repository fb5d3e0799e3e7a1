// The organization's policy over time: each save is a new version (never edited in
// place, so a reply's recorded version always means the rules it was checked against),
// and who acknowledged which version.
import { and, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, forbidden } from '../../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { policyAcknowledgements, policyVersions } from '../respond.schema.ts';
import { defaultPolicyRules } from './default-policy.ts';
import { parsePolicyRules, type PolicyRule } from './policy-rule.ts';

export interface PolicyInForce { version: number; rules: PolicyRule[]; note: string; createdAt: Date | null }

/** The newest saved version, or version 0 (the built-in starter policy) when none was saved. */
export async function currentPolicy(db: Database, orgId: string): Promise<PolicyInForce> {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.orgId, orgId)).orderBy(desc(policyVersions.version)).limit(1);
  return row ? { version: row.version, rules: row.rules, note: row.note, createdAt: row.createdAt } : { version: 0, rules: defaultPolicyRules, note: 'The starter policy', createdAt: null };
}

export async function savePolicy(db: Database, actor: Actor, input: { rules: unknown; note?: string }): Promise<PolicyInForce> {
  requireAccess(actor, 'policy.manage');
  const rules = parsePolicyRules(input.rules, 'body.rules');
  return db.transaction(async (tx) => {
    // The primary key (org, version) makes a concurrent save fail rather than share a number.
    const [{ newest } = { newest: 0 }] = await tx.select({ newest: max(policyVersions.version) }).from(policyVersions).where(eq(policyVersions.orgId, actor.orgId));
    const [row] = await tx.insert(policyVersions).values({ orgId: actor.orgId, version: (newest ?? 0) + 1, rules, note: input.note ?? '', createdBy: actor.personId }).returning();
    await recordAudit(tx, actor, { action: 'policy.saved', targetType: 'policy', targetId: String(row!.version), after: { version: row!.version, rules, note: row!.note } });
    return { version: row!.version, rules: row!.rules, note: row!.note, createdAt: row!.createdAt };
  });
}

export async function listPolicyVersions(db: Database, actor: Actor) {
  requireAccess(actor, 'mentions.read');
  return db.select({ version: policyVersions.version, note: policyVersions.note, createdBy: policyVersions.createdBy, createdAt: policyVersions.createdAt })
    .from(policyVersions).where(eq(policyVersions.orgId, actor.orgId)).orderBy(desc(policyVersions.version)).limit(100);
}

/** A person acknowledges the version in force (naming it, so nobody acknowledges rules they have not seen). */
export async function acknowledgePolicy(db: Database, actor: Actor, version: number): Promise<void> {
  if (!actor.personId) throw forbidden('Only a person can acknowledge the policy.');
  const inForce = await currentPolicy(db, actor.orgId);
  if (version !== inForce.version) throw conflict(`Version ${version} is not the policy in force (version ${inForce.version}); read that one and acknowledge it.`);
  await db.insert(policyAcknowledgements).values({ orgId: actor.orgId, personId: actor.personId, version }).onConflictDoNothing();
  await recordAudit(db, actor, { action: 'policy.acknowledged', targetType: 'policy', targetId: String(version), after: { version } });
}

export async function acknowledgedVersionOf(db: Database, orgId: string, personId: string): Promise<number | null> {
  const [row] = await db.select({ newest: max(policyAcknowledgements.version) }).from(policyAcknowledgements)
    .where(and(eq(policyAcknowledgements.orgId, orgId), eq(policyAcknowledgements.personId, personId)));
  return row?.newest ?? null;
}
