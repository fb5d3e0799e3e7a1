// Reading and saving the organization's reply settings; the crisis room raises and
// lowers the crisis topics through `setCrisisTopics` without touching the rest.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { respondSettings } from '../respond.schema.ts';
import { defaultRiskSettings, type RiskSettings } from './risk-settings.ts';

export async function riskSettingsOf(db: Database, orgId: string): Promise<RiskSettings> {
  const [row] = await db.select({ settings: respondSettings.settings }).from(respondSettings).where(eq(respondSettings.orgId, orgId));
  // Settings added later take their defaults for organizations that saved before.
  return { ...defaultRiskSettings, ...row?.settings };
}

async function storeSettings(db: Database, orgId: string, settings: RiskSettings): Promise<void> {
  await db.insert(respondSettings).values({ orgId, settings })
    .onConflictDoUpdate({ target: respondSettings.orgId, set: { settings, updatedAt: new Date() } });
}

export async function saveRiskSettings(db: Database, actor: Actor, patch: Partial<RiskSettings>): Promise<RiskSettings> {
  requireAccess(actor, 'policy.manage');
  return db.transaction(async (tx) => {
    const before = await riskSettingsOf(tx, actor.orgId);
    const after = { ...before, ...patch };
    await storeSettings(tx, actor.orgId, after);
    await recordAudit(tx, actor, { action: 'respond.settings-saved', targetType: 'respond_settings', before, after });
    return after;
  });
}

/** While a crisis is active on these topics, every reply on them waits for approval. */
export async function setCrisisTopics(db: Database, orgId: string, topicIds: string[]): Promise<void> {
  await db.transaction(async (tx) => storeSettings(tx, orgId, { ...(await riskSettingsOf(tx, orgId)), crisisTopicIds: [...new Set(topicIds)] }));
}
