// Each topic's detectors between runs: a JSON snapshot in crisis_detector_states,
// restored under the topic's settings as they are now (changed settings apply from then
// on, what the detectors learned is kept), and saved with the alerts they raised, which
// are stored and delivered in the same transaction. The batch feed and the clock tick
// both end here, so an alert raised by either is told the same way.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { storeAndDeliverAlerts } from './alert-delivery.ts';
import { crisisDetectorStates } from './crisis.schema.ts';
import type { StoredCrisisSettings, TopicDetectorSettings } from './crisis-settings-document.ts';
import type { CrisisAlert } from './detectors/crisis-alert.ts';
import { TopicDetector, type TopicDetectorSnapshot } from './detectors/topic-detector.ts';
import type { TopicRef } from './detectors/topic-ref.ts';

/** A new topic's detectors, warming up as the topic is heard. */
export const freshDetector = (topicRef: TopicRef, topic: TopicDetectorSettings) =>
  new TopicDetector({ ...topicRef, settings: topic.settings, triggerWordMatcher: topic.triggerWordMatcher });

/** A snapshot of an older format cannot be read: that topic starts afresh (warm-up again) rather than stop the pipeline. */
export function restoreDetector(snapshot: TopicDetectorSnapshot, topic: TopicDetectorSettings, topicRef: TopicRef): TopicDetector {
  try {
    return TopicDetector.fromJSON(snapshot, { settings: topic.settings, triggerWordMatcher: topic.triggerWordMatcher });
  } catch {
    return freshDetector(topicRef, topic);
  }
}

/** Saves the detectors' snapshots (their rows are locked by the caller) and stores and delivers the alerts they raised. */
export async function saveDetectorsAndDeliver(
  tx: Database, orgId: string, settings: StoredCrisisSettings, detectors: Iterable<TopicDetector>, alerts: readonly CrisisAlert[], now: Date,
): Promise<void> {
  for (const detector of detectors) {
    const snapshot = detector.toJSON();
    await tx.update(crisisDetectorStates).set({ snapshot, clock: snapshot.clock === null ? null : new Date(snapshot.clock), updatedAt: sql`now()` })
      .where(and(eq(crisisDetectorStates.orgId, orgId), eq(crisisDetectorStates.topicId, detector.topicId)));
  }
  await storeAndDeliverAlerts(tx, orgId, settings, alerts, now);
}
