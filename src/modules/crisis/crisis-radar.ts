// The crisis radar: where each active listening topic stands now, loudest first. Read
// from the detectors' saved state (kept current by the batches and the minute tick), so
// it costs a few queries and no stream.
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { topicNamesById } from '../listening/index.ts';
import { requireAccess, type Actor } from '../people/index.ts';
import { crisisAlerts, crisisDetectorStates } from './crisis.schema.ts';
import { crisisSettingsOf } from './crisis-settings.ts';
import { topicSettingsResolver } from './crisis-settings-document.ts';
import { restoreDetector } from './detector-states.ts';
import type { TopicDetectorSnapshot, TopicLevel } from './detectors/topic-detector.ts';

export interface RadarTopic {
  topicId: string;
  topicName: string;
  ratio: number | null;
  level: TopicLevel | null;
  openAlerts: number;
  lastAlertAt: Date | null;
  clock: Date | null;
}

/** Mentions in the last ten minutes over the baseline's expectation; none before the baseline learned its first hour (it would be a guess). */
function ratioOf(snapshot: TopicDetectorSnapshot, level: TopicLevel): number | null {
  if (snapshot.volume.baseline.hoursLearned === 0 || level.expectedLast10Minutes <= 0) return null;
  return Math.round((level.mentionsLast10Minutes / level.expectedLast10Minutes) * 100) / 100;
}

export async function crisisRadar(db: Database, actor: Actor): Promise<{ topics: RadarTopic[] }> {
  requireAccess(actor, 'crisis.watch');
  const names = await topicNamesById(db, actor.orgId, { activeOnly: true });
  if (names.size === 0) return { topics: [] };
  const topicIds = [...names.keys()];
  const states = await db.select({ topicId: crisisDetectorStates.topicId, snapshot: crisisDetectorStates.snapshot, clock: crisisDetectorStates.clock })
    .from(crisisDetectorStates).where(and(eq(crisisDetectorStates.orgId, actor.orgId), inArray(crisisDetectorStates.topicId, topicIds)));
  const alerts = await db.select({
    topicId: crisisAlerts.topicId,
    open: sql<number>`(count(*) filter (where ${crisisAlerts.acknowledgedAt} is null))::int`,
    lastAt: max(crisisAlerts.raisedAt),
  }).from(crisisAlerts).where(and(eq(crisisAlerts.orgId, actor.orgId), inArray(crisisAlerts.topicId, topicIds))).groupBy(crisisAlerts.topicId);
  const settingsOf = topicSettingsResolver(await crisisSettingsOf(db, actor.orgId));
  const stateOf = new Map(states.map((state) => [state.topicId, state]));
  const alertsOf = new Map(alerts.map((row) => [row.topicId, row]));
  const topics = topicIds.map((topicId): RadarTopic => {
    const state = stateOf.get(topicId);
    const level = state ? restoreDetector(state.snapshot, settingsOf(topicId), { organizationId: actor.orgId, topicId }).level() : null;
    return {
      topicId, topicName: names.get(topicId)!,
      ratio: state && level ? ratioOf(state.snapshot, level) : null,
      level,
      openAlerts: alertsOf.get(topicId)?.open ?? 0,
      lastAlertAt: alertsOf.get(topicId)?.lastAt ?? null,
      clock: state?.clock ?? null,
    };
  });
  // Loudest first; topics without a ratio after, by name (the order topicNamesById gives).
  const order = (ratio: number | null) => ratio ?? Number.NEGATIVE_INFINITY;
  return { topics: topics.sort((a, b) => order(b.ratio) - order(a.ratio) || 0) };
}
