// The organization's crisis settings: read by everyone who watches for crises, changed by
// hub admins (audited). Saved detectors' settings take effect from each topic's next batch
// or tick: the detectors are restored from their snapshots under the new settings, so
// what they learned (baselines, open events, cool-downs) is kept.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { invalid, type FieldProblem } from '../../errors.ts';
import { recordAudit, requireAccess, staffByIds, type Actor } from '../people/index.ts';
import { channelIdsOf } from '../routing/index.ts';
import { topicNamesById } from '../listening/index.ts';
import { crisisSettings } from './crisis.schema.ts';
import { crisisSettingsFrom, layDetectorSettings, type StoredCrisisSettings } from './crisis-settings-document.ts';
import type { CrisisSettingsInput } from './crisis.contract.ts';
import { resolveDetectorSettings, type CrisisDetectorSettingsInput } from './detectors/detector-settings.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One small read by primary key: the feed does it once per batch. */
export async function crisisSettingsOf(db: Database, orgId: string): Promise<StoredCrisisSettings> {
  const [row] = await db.select({ settings: crisisSettings.settings }).from(crisisSettings).where(eq(crisisSettings.orgId, orgId));
  return crisisSettingsFrom(row?.settings);
}

const view = (settings: StoredCrisisSettings) => ({ ...settings, detectors: resolveDetectorSettings(settings.detectors) });

export async function getCrisisSettings(db: Database, actor: Actor) {
  requireAccess(actor, 'crisis.watch');
  return view(await crisisSettingsOf(db, actor.orgId));
}

/**
 * Each field given replaces the saved one, except `detectors`, laid over the saved
 * detectors' settings field by field (so saving one sensitivity keeps the rest);
 * `topicOverrides` replaces every override.
 */
export async function saveCrisisSettings(db: Database, actor: Actor, input: CrisisSettingsInput) {
  requireAccess(actor, 'crisis.configure');
  return db.transaction(async (tx) => {
    const before = await crisisSettingsOf(tx, actor.orgId);
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<StoredCrisisSettings>;
    const after: StoredCrisisSettings = { ...before, ...given, detectors: layDetectorSettings(before.detectors, input.detectors as CrisisDetectorSettingsInput | undefined) };
    const problems = [...detectorProblems(after), ...await referenceProblems(tx, actor.orgId, before, after)];
    if (problems.length > 0) throw invalid(problems);
    await tx.insert(crisisSettings).values({ orgId: actor.orgId, settings: after })
      .onConflictDoUpdate({ target: crisisSettings.orgId, set: { settings: after, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'crisis.settings.update', targetType: 'crisis_settings', targetLabel: 'Crisis settings', before, after });
    return view(after);
  });
}

/** The HTTP contract checks each field; this catches what only the whole can show, and callers without the contract. */
function detectorProblems(settings: StoredCrisisSettings): FieldProblem[] {
  const check = (field: string, input: CrisisDetectorSettingsInput): FieldProblem[] => {
    try {
      resolveDetectorSettings(input);
      return [];
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return [{ field, message: error.message }];
    }
  };
  return [
    ...check('body.detectors', settings.detectors),
    ...Object.entries(settings.topicOverrides).flatMap(([topicId, override]) => check(`body.topicOverrides.${topicId}`, layDetectorSettings(settings.detectors, override))),
  ];
}

/**
 * People, channels and topics must be the organization's. Ids saved before pass as they
 * are (a channel deleted since is skipped when posting), so the settings read can be saved back.
 */
async function referenceProblems(tx: Database, orgId: string, before: StoredCrisisSettings, after: StoredCrisisSettings): Promise<FieldProblem[]> {
  const added = (field: 'recipientIds' | 'channelIds' | 'escalateToIds') => after[field].filter((id) => !before[field].includes(id));
  const newPeople = [...new Set([...added('recipientIds'), ...added('escalateToIds')])];
  const people = new Set((await staffByIds(tx, orgId, newPeople)).map((person) => person.personId));
  const channels = await channelIdsOf(tx, orgId, added('channelIds'));
  const newTopics = Object.keys(after.topicOverrides).filter((id) => !(id in before.topicOverrides));
  const topics = await topicNamesById(tx, orgId, { ids: newTopics.filter((id) => UUID.test(id)) });
  const unknown = (field: string, ids: string[], known: { has(id: string): boolean }, what: string) =>
    ids.filter((id) => !known.has(id)).map((id) => ({ field: `body.${field}`, message: `${id} is not ${what} of the organization` }));
  return [
    ...unknown('recipientIds', added('recipientIds'), people, 'a person'),
    ...unknown('escalateToIds', added('escalateToIds'), people, 'a person'),
    ...unknown('channelIds', added('channelIds'), channels, 'a notification channel'),
    ...newTopics.filter((id) => !topics.has(id)).map((id) => ({ field: `body.topicOverrides.${id}`, message: 'is not a listening topic of the organization' })),
  ];
}
