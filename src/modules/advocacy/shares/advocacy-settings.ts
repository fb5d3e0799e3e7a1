// The organization's advocacy settings: points per action (set by the hub), the
// leaderboard switch, the rates of earned media value, the public page of the
// company's aggregate voice, the guard rails against spam (caps, sharing hours,
// identical texts) and the pause switch the crisis room pulls. Stored as one JSON document; settings added later
// take their defaults for organizations that saved before.
import { Type, type Static } from 'typebox';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import { recordAudit, requireAccess, systemActor, type Actor } from '../../people/index.ts';
import { advocacySettings } from '../advocacy.schema.ts';

const PointValue = Type.Integer({ minimum: 0, maximum: 10_000 });
const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'local time "HH:MM"' });

export const AdvocacySettingsSchema = Type.Object({
  points: Type.Object({ share: PointValue, click: PointValue, story_approved: PointValue, helpful_answer: PointValue }, { additionalProperties: false, description: 'Points a person earns per action.' }),
  leaderboards: Type.Boolean({ description: 'Show leaderboards (overall and per spoke); off, people see only their own points and badges.' }),
  earnedMediaValue: Type.Object({
    costPerClick: Type.Number({ minimum: 0, maximum: 1_000 }),
    costPerThousandImpressions: Type.Number({ minimum: 0, maximum: 10_000 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  }, { additionalProperties: false, description: 'Earned media value = clicks × cost per click + reach ÷ 1000 × cost per thousand impressions.' }),
  publicVoice: Type.Object({
    enabled: Type.Boolean({ description: 'Publish the public page and feeds of what employees published through Herd.' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
  }, { additionalProperties: false }),
  maxSharesPerPersonPerDay: Type.Integer({ minimum: 1, maximum: 1000, description: 'Shares one person may make in 24 hours.' }),
  maxSharesPerStoryPerHour: Type.Integer({ minimum: 1, maximum: 100_000, description: 'Shares of one story, by everyone, in an hour.' }),
  sharingHours: Type.Object({ start: HourMinute, end: HourMinute }, { description: 'When shares may go out, in the sharer\'s own time zone; start after end spans midnight; equal means all day.' }),
  identicalTextWindowMinutes: Type.Integer({ minimum: 0, maximum: 7 * 24 * 60, description: 'Minutes within which a share of a story may not repeat another share\'s text; 0 switches this off.' }),
  paused: Type.Boolean({ description: 'While true, nothing is shared (the crisis room sets it during a crisis).' }),
  pausedReason: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
}, { additionalProperties: false });
export type AdvocacySettings = Static<typeof AdvocacySettingsSchema>;
export const AdvocacySettingsPatch = Type.Partial(AdvocacySettingsSchema);
export type AdvocacySettingsPatch = Static<typeof AdvocacySettingsPatch>;

export const defaultAdvocacySettings: AdvocacySettings = {
  points: { share: 10, click: 1, story_approved: 20, helpful_answer: 5 },
  leaderboards: true,
  earnedMediaValue: { costPerClick: 0.8, costPerThousandImpressions: 6, currency: 'EUR' },
  publicVoice: { enabled: false, title: 'Our people' },
  maxSharesPerPersonPerDay: 5,
  maxSharesPerStoryPerHour: 50,
  sharingHours: { start: '07:00', end: '22:00' },
  identicalTextWindowMinutes: 24 * 60,
  paused: false,
  pausedReason: null,
};

export async function advocacySettingsOf(db: Database, orgId: string): Promise<AdvocacySettings> {
  const [row] = await db.select({ settings: advocacySettings.settings }).from(advocacySettings).where(eq(advocacySettings.orgId, orgId));
  const saved = (row?.settings ?? {}) as Partial<AdvocacySettings>;
  return merged(defaultAdvocacySettings, saved);
}

/** Settings over the base, the nested objects field by field, so saving one point value keeps the others. */
function merged(base: AdvocacySettings, patch: AdvocacySettingsPatch): AdvocacySettings {
  return {
    ...base, ...patch,
    points: { ...base.points, ...patch.points },
    earnedMediaValue: { ...base.earnedMediaValue, ...patch.earnedMediaValue },
    publicVoice: { ...base.publicVoice, ...patch.publicVoice },
  };
}

async function storeSettings(db: Database, orgId: string, settings: AdvocacySettings): Promise<void> {
  await db.insert(advocacySettings).values({ orgId, settings })
    .onConflictDoUpdate({ target: advocacySettings.orgId, set: { settings, updatedAt: new Date() } });
}

export async function saveAdvocacySettings(db: Database, actor: Actor, patch: AdvocacySettingsPatch): Promise<AdvocacySettings> {
  requireAccess(actor, 'advocacy.manage');
  return db.transaction(async (tx) => {
    const before = await advocacySettingsOf(tx, actor.orgId);
    const after = merged(before, patch);
    if (!after.paused) after.pausedReason = null;
    await storeSettings(tx, actor.orgId, after);
    await recordAudit(tx, actor, { action: 'advocacy.settings-saved', targetType: 'advocacy_settings', before, after });
    return after;
  });
}

/** The crisis room's switch: while paused, nothing is shared and scheduled shares wait. */
export async function setAdvocacyPaused(db: Database, orgId: string, paused: boolean, reason: string | null): Promise<void> {
  if (paused && !reason) throw invalid([{ field: 'reason', message: 'say why advocacy is paused; sharers see it' }]);
  await db.transaction(async (tx) => {
    const before = await advocacySettingsOf(tx, orgId);
    const after = { ...before, paused, pausedReason: paused ? reason : null };
    await storeSettings(tx, orgId, after);
    await recordAudit(tx, systemActor(orgId, 'crisis'), { action: paused ? 'advocacy.paused' : 'advocacy.resumed', targetType: 'advocacy_settings', before: { paused: before.paused, pausedReason: before.pausedReason }, after: { paused, pausedReason: after.pausedReason } });
  });
}
