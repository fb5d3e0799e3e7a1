// What an active crisis does to the rest of Herd, recomputed in the transaction of every
// change to a crisis (open, status, topics, crisis team, close) from all the
// organization's active crises, under the organization's crisis lock:
// - every reply on an active crisis's topics waits for approval (respond's crisis topics
//   are the union of the active crises' topics);
// - advocacy is paused when a crisis goes active, unless it already was paused; the
//   crises that paused it resume it when none is active any more, unless a person
//   paused it again by hand since (a pause the room did not make is never lifted by it);
// - with a crisis team, a routing rule placed first sends new conversations on its
//   topics to that spoke (urgent, replies need approval), removed when it leaves active.
// Each change of an effect is written to the crisis's timeline (kind 'effect').
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit, spokeNamesOf, systemActor, type Actor } from '../../people/index.ts';
import { topicNamesById } from '../../listening/index.ts';
import { createRule, deleteRule, updateRule, type RuleInput } from '../../routing/index.ts';
import { riskSettingsOf, setCrisisTopics } from '../../respond/index.ts';
import { advocacySettingsOf, setAdvocacyPaused } from '../../advocacy/index.ts';
import { crises } from './crisis-room.schema.ts';
import { recordTimeline, type NewTimelineEntry } from './crisis-timeline.ts';
import type { CrisisRow } from './crisis-records.ts';

/** The reason advocacy shows sharers while a crisis holds it paused; also how the room knows a pause is its own. */
const PAUSE_REASON_PREFIX = 'Crisis: ';

const isActive = (crisis: CrisisRow | null): boolean => crisis?.status === 'active';
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;
const effect = (name: string, text: string, data: Record<string, unknown> = {}): NewTimelineEntry => ({ kind: 'effect', text, data: { effect: name, ...data } });

interface EffectContext { tx: Database; system: Actor; before: CrisisRow | null; after: CrisisRow; active: CrisisRow[]; topicName: (ids: readonly string[]) => string }

async function requireApprovalOnCrisisTopics({ tx, system, before, after, active, topicName }: EffectContext): Promise<NewTimelineEntry[]> {
  const union = [...new Set(active.flatMap((crisis) => crisis.topicIds))].sort();
  const current = (await riskSettingsOf(tx, after.orgId)).crisisTopicIds;
  if (!sameSet(current, union)) {
    await setCrisisTopics(tx, after.orgId, union);
    await recordAudit(tx, system, { action: 'respond.crisis-topics', targetType: 'respond_settings', before: { crisisTopicIds: current }, after: { crisisTopicIds: union } });
  }
  const had = isActive(before) ? before!.topicIds : [];
  const has = isActive(after) ? after.topicIds : [];
  if (sameSet(had, has)) return [];
  if (has.length > 0) return [effect('replies-need-approval', `Every reply on ${topicName(has)} needs approval while the crisis is active.`, { on: true, topicIds: has })];
  const stillCovered = had.filter((id) => union.includes(id));
  const released = had.filter((id) => !union.includes(id));
  return [effect('replies-need-approval', [
    released.length > 0 ? `Replies on ${topicName(released)} no longer need approval for a crisis.` : '',
    stillCovered.length > 0 ? `Replies on ${topicName(stillCovered)} still do: another crisis is active on them.` : '',
  ].filter(Boolean).join(' '), { on: false, topicIds: had })];
}

/** Returns the crisis's part in the pause (whether it holds it) with what to write. */
async function pauseAdvocacy({ tx, before, after, active }: EffectContext): Promise<{ holds: boolean; entries: NewTimelineEntry[] }> {
  const settings = await advocacySettingsOf(tx, after.orgId);
  if (isActive(after) && !isActive(before)) {
    if (settings.paused) return { holds: after.holdsAdvocacyPause, entries: [effect('advocacy-paused', `Advocacy was already paused (${settings.pausedReason ?? 'no reason given'}); the crisis leaves that pause as it is.`, { on: true, pausedByCrisis: false })] };
    await setAdvocacyPaused(tx, after.orgId, true, `${PAUSE_REASON_PREFIX}${after.title}`);
    return { holds: true, entries: [effect('advocacy-paused', 'Advocacy paused: nothing is shared while the crisis is active.', { on: true, pausedByCrisis: true })] };
  }
  if (!isActive(before) || isActive(after)) return { holds: after.holdsAdvocacyPause, entries: [] };
  if (active.length > 0) {
    return { holds: after.holdsAdvocacyPause, entries: settings.paused ? [effect('advocacy-paused', 'Advocacy stays paused: another crisis is active.', { on: true })] : [] };
  }
  // The last active crisis left: the pause the room made is lifted, whichever crisis made it.
  const holders = await tx.update(crises).set({ holdsAdvocacyPause: false })
    .where(and(eq(crises.orgId, after.orgId), eq(crises.holdsAdvocacyPause, true))).returning({ id: crises.id });
  if (holders.length === 0 || !settings.paused) return { holds: false, entries: [] };
  if (!settings.pausedReason?.startsWith(PAUSE_REASON_PREFIX)) {
    return { holds: false, entries: [effect('advocacy-paused', `Advocacy stays paused: a person paused it by hand (${settings.pausedReason ?? 'no reason given'}).`, { on: true })] };
  }
  await setAdvocacyPaused(tx, after.orgId, false, null);
  return { holds: false, entries: [effect('advocacy-paused', 'Advocacy resumed: no crisis is active any more.', { on: false })] };
}

const crisisRule = (crisis: CrisisRow): RuleInput => ({
  name: `Crisis: ${crisis.title}`, enabled: true, stop: true,
  conditions: [{ field: 'topic', anyOf: crisis.topicIds }],
  actions: { routeTo: { spokeId: crisis.crisisTeamSpokeId! }, priority: 'urgent', requireApproval: true },
});

/** The rule may have been deleted by the hub meanwhile: then there is nothing to remove, or a new one to make. */
const unlessGone = <T>(promise: Promise<T>): Promise<T | undefined> =>
  promise.catch((error: unknown) => { if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined; throw error; });

/** Returns the crisis's rule id now, with what to write. */
async function routeToCrisisTeam({ tx, system, before, after, topicName }: EffectContext): Promise<{ ruleId: string | null; entries: NewTimelineEntry[] }> {
  const wanted = isActive(after) && after.crisisTeamSpokeId !== null;
  if (!wanted) {
    if (!after.routingRuleId) return { ruleId: null, entries: [] };
    await unlessGone(deleteRule(tx, system, after.routingRuleId));
    return { ruleId: null, entries: [effect('routing', `New conversations on ${topicName(after.topicIds)} are routed by the usual rules again.`, { spokeId: null })] };
  }
  const moved = !before || before.crisisTeamSpokeId !== after.crisisTeamSpokeId || !sameSet(before.topicIds, after.topicIds);
  if (after.routingRuleId && !moved && before?.title === after.title) return { ruleId: after.routingRuleId, entries: [] };
  const kept = after.routingRuleId ? await unlessGone(updateRule(tx, system, after.routingRuleId, crisisRule(after))) : undefined;
  const rule = kept ?? await createRule(tx, system, crisisRule(after), { first: true });
  if (kept && !moved) return { ruleId: rule.id, entries: [] };
  const spokeName = (await spokeNamesOf(tx, after.orgId, [after.crisisTeamSpokeId!])).get(after.crisisTeamSpokeId!) ?? 'the crisis team';
  return {
    ruleId: rule.id,
    entries: [effect('routing', `New conversations on ${topicName(after.topicIds)} go to ${spokeName} before any other rule: urgent, replies need approval.`, { spokeId: after.crisisTeamSpokeId, ruleId: rule.id })],
  };
}

/**
 * Brings the effects in line with the crisis as it is now (`after`, already saved;
 * `before` is null when it was just opened). The caller holds the organization's
 * crisis lock. Returns the crisis with its part in the effects saved.
 */
export async function applyCrisisEffects(tx: Database, before: CrisisRow | null, after: CrisisRow): Promise<CrisisRow> {
  const active = await tx.select().from(crises).where(and(eq(crises.orgId, after.orgId), eq(crises.status, 'active')));
  const names = await topicNamesById(tx, after.orgId, { ids: [...new Set([...(before?.topicIds ?? []), ...after.topicIds])] });
  const context: EffectContext = {
    tx, system: systemActor(after.orgId, 'crisis'), before, after, active,
    topicName: (ids) => ids.map((id) => names.get(id) ?? 'a deleted topic').join(', '),
  };
  const approval = await requireApprovalOnCrisisTopics(context);
  const advocacy = await pauseAdvocacy(context);
  const routing = await routeToCrisisTeam(context);
  let saved = after;
  if (advocacy.holds !== after.holdsAdvocacyPause || routing.ruleId !== after.routingRuleId) {
    [saved] = await tx.update(crises).set({ holdsAdvocacyPause: advocacy.holds, routingRuleId: routing.ruleId }).where(eq(crises.id, after.id)).returning() as [CrisisRow];
  }
  await recordTimeline(tx, after, [...approval, ...advocacy.entries, ...routing.entries]);
  return saved;
}
