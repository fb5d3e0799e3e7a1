// The crisis step of the pipeline, run when triage has judged new mentions: per topic of
// the organization, the detectors' state is loaded (locked, so one worker at a time moves
// a topic's detectors), fed the batch's mentions in posted order, saved, and the alerts
// it raised are stored, all in one transaction: a failed run leaves state and alerts as
// they were, and its retry feeds the batch again from there.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { crisisAlerts, crisisDetectorStates } from './crisis.schema.ts';
import type { CrisisAlert } from './detectors/crisis-alert.ts';
import type { CrisisMention } from './detectors/crisis-mention.ts';
import { DEFAULT_DETECTOR_SETTINGS } from './detectors/detector-settings.ts';
import { TopicDetector, type TopicDetectorSnapshot } from './detectors/topic-detector.ts';
import { TriggerWordMatcher } from './detectors/trigger-word-matcher.ts';

/**
 * Mentions posted longer ago than this are not fed: a back-filled import (a source's
 * history, a CSV of last month) arrives all at once, and counted at the clock's time it
 * would look like a spike that never happened.
 */
export const OLDEST_MENTION_FED_MS = 24 * 3_600_000;

/** Every topic runs the core's default settings until organizations can set their own, so one matcher serves them all. */
const defaultTriggerWords = new TriggerWordMatcher(DEFAULT_DETECTOR_SETTINGS.triggerWords.words);

export interface CrisisWatchReport {
  /** Mentions fed to a topic's detectors (a mention of two topics counts twice). */
  fed: number;
  /** Mentions left out for being posted more than a day ago. */
  skippedOld: number;
  alerts: CrisisAlert[];
}

/** What the detectors read of a triaged mention; its time is clamped to the topic's clock by the detector itself. */
function crisisMentionOf(mention: TriagedMention, triggerWords: readonly string[]): CrisisMention {
  return {
    id: mention.id, at: Date.parse(mention.postedAt), sentiment: mention.sentiment, sentimentScore: null,
    // The category's name, as people call it, so an alert reads "cancellation", not an id.
    category: mention.categoryName ?? mention.categoryId,
    authorHandle: mention.authorHandle, authorFollowers: mention.authorFollowers, triggerWords,
  };
}

/**
 * Locks the batch's topics' states, starting those seen for the first time. Their warm-up
 * counts from the earliest mention fed (never after `now`): from `now` itself, every
 * mention of the first batch, posted a little before it is triaged, would fall before the
 * start, and a detector without warm-up (high reach) would miss them.
 */
async function lockedDetectors(tx: Database, orgId: string, byTopic: Map<string, CrisisMention[]>, now: number): Promise<Map<string, TopicDetector>> {
  const topicIds = [...byTopic.keys()];
  const startOf = (topicId: string) => byTopic.get(topicId)!.reduce((earliest, mention) => Math.min(earliest, mention.at), now);
  // In topic order, so two workers locking overlapping topics cannot deadlock.
  const lock = (ids: string[]) => tx.select({ topicId: crisisDetectorStates.topicId, snapshot: crisisDetectorStates.snapshot }).from(crisisDetectorStates)
    .where(and(eq(crisisDetectorStates.orgId, orgId), inArray(crisisDetectorStates.topicId, ids)))
    .orderBy(crisisDetectorStates.topicId).for('update');
  const rows = await lock(topicIds);
  const missing = topicIds.filter((topicId) => !rows.some((row) => row.topicId === topicId));
  if (missing.length > 0) {
    // Another worker may start the same topic meanwhile: its row wins, and is locked below like any other.
    await tx.insert(crisisDetectorStates).values(missing.map((topicId) => ({
      orgId, topicId, clock: null, snapshot: new TopicDetector({ organizationId: orgId, topicId, startedAt: startOf(topicId), triggerWordMatcher: defaultTriggerWords }).toJSON(),
    }))).onConflictDoNothing();
    rows.push(...await lock(missing));
  }
  return new Map(rows.map(({ topicId, snapshot }) => [topicId, restore(snapshot, orgId, topicId, startOf(topicId))]));
}

/** A snapshot of an older format cannot be read: that topic starts afresh (warm-up again) rather than stop the pipeline. */
function restore(snapshot: TopicDetectorSnapshot, orgId: string, topicId: string, startedAt: number): TopicDetector {
  try {
    return TopicDetector.fromJSON(snapshot, { triggerWordMatcher: defaultTriggerWords });
  } catch {
    return new TopicDetector({ organizationId: orgId, topicId, startedAt, triggerWordMatcher: defaultTriggerWords });
  }
}

export async function watchTriagedMentions(db: Database, orgId: string, mentions: readonly TriagedMention[], now = Date.now()): Promise<CrisisWatchReport> {
  // Spam waves are not a crisis of the brand; they would only look like one.
  const recent = mentions.filter((mention) => !mention.spam && Date.parse(mention.postedAt) >= now - OLDEST_MENTION_FED_MS);
  const report: CrisisWatchReport = { fed: 0, skippedOld: mentions.filter((m) => !m.spam).length - recent.length, alerts: [] };
  const byTopic = new Map<string, CrisisMention[]>();
  for (const mention of recent) {
    if (mention.topicIds.length === 0) continue;
    const triggerWords = defaultTriggerWords.find(mention.title ? `${mention.title}\n${mention.text}` : mention.text);
    const crisisMention = crisisMentionOf(mention, triggerWords);
    for (const topicId of mention.topicIds) {
      const fed = byTopic.get(topicId);
      if (fed) fed.push(crisisMention);
      else byTopic.set(topicId, [crisisMention]);
    }
  }
  if (byTopic.size === 0) return report;
  const topicIds = [...byTopic.keys()].sort();
  await db.transaction(async (tx) => {
    const detectors = await lockedDetectors(tx, orgId, byTopic, now);
    for (const topicId of topicIds) {
      const detector = detectors.get(topicId)!;
      // In posted order; a mention older than the topic's clock (a slow source) counts at the clock's time.
      for (const mention of byTopic.get(topicId)!.sort((a, b) => a.at - b.at)) {
        report.alerts.push(...detector.observe(mention));
        report.fed++;
      }
      const snapshot = detector.toJSON();
      await tx.update(crisisDetectorStates).set({ snapshot, clock: snapshot.clock === null ? null : new Date(snapshot.clock), updatedAt: sql`now()` })
        .where(and(eq(crisisDetectorStates.orgId, orgId), eq(crisisDetectorStates.topicId, topicId)));
    }
    if (report.alerts.length > 0) await tx.insert(crisisAlerts).values(report.alerts.map(rowOfAlert));
  });
  return report;
}

const rowOfAlert = (alert: CrisisAlert): typeof crisisAlerts.$inferInsert => ({
  orgId: alert.organizationId, topicId: alert.topicId, detector: alert.detector, summary: alert.summary,
  explanation: alert, sampleMentionIds: alert.sampleMentionIds, raisedAt: new Date(alert.at),
});
