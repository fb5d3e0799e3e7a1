// The crisis step of the pipeline, run when triage has judged new mentions: the batch's
// mentions are recorded as fed (a batch run twice is fed once), then per topic of the
// organization the detectors' state is loaded (locked, so one worker at a time moves a
// topic's detectors) under the organization's settings (read once per batch), fed the
// mentions in posted order, saved, and the alerts it raised are stored and delivered,
// all in one transaction: a failed run leaves state, alerts and notifications as they
// were, and its retry feeds the batch again from there.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertRows, type Database } from '../../db/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { crisisDetectorStates, crisisFedMentions } from './crisis.schema.ts';
import { crisisSettingsOf } from './crisis-settings.ts';
import { topicSettingsResolver, type TopicDetectorSettings } from './crisis-settings-document.ts';
import { scheduleCrisisTick, wakesTick } from './crisis-tick.ts';
import { freshDetector, restoreDetector, saveDetectorsAndDeliver } from './detector-states.ts';
import type { CrisisAlert } from './detectors/crisis-alert.ts';
import type { CrisisMention } from './detectors/crisis-mention.ts';
import type { TopicDetector } from './detectors/topic-detector.ts';
import type { TriggerWordMatcher } from './detectors/trigger-word-matcher.ts';

/**
 * Mentions posted longer ago than this are not fed: a back-filled import (a source's
 * history, a CSV of last month) arrives all at once, and counted at the clock's time it
 * would look like a spike that never happened.
 */
export const OLDEST_MENTION_FED_MS = 24 * 3_600_000;

export interface CrisisWatchReport {
  /** Mentions fed to a topic's detectors (a mention of two topics counts twice). */
  fed: number;
  /** Mentions left out for being posted more than a day ago. */
  skippedOld: number;
  /** Mentions left out for having been fed already (the batch ran before). */
  skippedFed: number;
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
 * The batch's mentions per topic. A mention is read for trigger words once per list of
 * words its topics use (usually one list: the organization's).
 */
function mentionsByTopic(mentions: readonly TriagedMention[], settingsOf: (topicId: string) => TopicDetectorSettings): Map<string, CrisisMention[]> {
  const byTopic = new Map<string, CrisisMention[]>();
  for (const mention of mentions) {
    const asRead = new Map<TriggerWordMatcher, CrisisMention>();
    for (const topicId of mention.topicIds) {
      const matcher = settingsOf(topicId).triggerWordMatcher;
      let crisisMention = asRead.get(matcher);
      if (!crisisMention) {
        crisisMention = crisisMentionOf(mention, matcher.find(mention.title ? `${mention.title}\n${mention.text}` : mention.text));
        asRead.set(matcher, crisisMention);
      }
      const fed = byTopic.get(topicId);
      if (fed) fed.push(crisisMention);
      else byTopic.set(topicId, [crisisMention]);
    }
  }
  return byTopic;
}

/** Records the mentions as fed; those recorded before (by an earlier run of the same batch) are not returned. */
async function firstFeeding(tx: Database, orgId: string, mentions: readonly TriagedMention[]): Promise<TriagedMention[]> {
  // In id order, so two runs recording overlapping batches wait for each other in one order and cannot deadlock.
  const ids = [...new Set(mentions.map((mention) => mention.id))].sort();
  const recorded = await tx.execute(sql`${insertRows(crisisFedMentions, ids.map((mentionId) => ({ orgId, mentionId })))}
    on conflict do nothing returning ${sql.identifier(crisisFedMentions.mentionId.name)} as id`) as unknown as { rows: { id: string }[] };
  const fresh = new Set(recorded.rows.map((row) => row.id));
  // Set.delete is true once per id: a mention twice in the batch is fed once too.
  return mentions.filter((mention) => fresh.delete(mention.id));
}

interface LockedDetectors { detectors: Map<string, TopicDetector>; wakesTick: boolean }

/** Locks the batch's topics' states, starting those seen for the first time. */
async function lockedDetectors(tx: Database, orgId: string, byTopic: Map<string, CrisisMention[]>, settingsOf: (topicId: string) => TopicDetectorSettings, now: number): Promise<LockedDetectors> {
  const topicIds = [...byTopic.keys()];
  const topicRef = (topicId: string) => ({ organizationId: orgId, topicId });
  // In topic order, so two workers locking overlapping topics cannot deadlock.
  const lock = (ids: string[]) => tx.select({ topicId: crisisDetectorStates.topicId, snapshot: crisisDetectorStates.snapshot, clock: crisisDetectorStates.clock }).from(crisisDetectorStates)
    .where(and(eq(crisisDetectorStates.orgId, orgId), inArray(crisisDetectorStates.topicId, ids)))
    .orderBy(crisisDetectorStates.topicId).for('update');
  const rows = await lock(topicIds);
  const missing = topicIds.filter((topicId) => !rows.some((row) => row.topicId === topicId));
  if (missing.length > 0) {
    // Another worker may start the same topic meanwhile: its row wins, and is locked below like any other.
    await tx.insert(crisisDetectorStates).values(missing.map((topicId) => ({
      orgId, topicId, clock: null, snapshot: freshDetector(topicRef(topicId), settingsOf(topicId)).toJSON(),
    }))).onConflictDoNothing();
    rows.push(...await lock(missing));
  }
  return {
    detectors: new Map(rows.map(({ topicId, snapshot }) => [topicId, restoreDetector(snapshot, settingsOf(topicId), topicRef(topicId))])),
    wakesTick: rows.some((row) => wakesTick(row.clock, now)),
  };
}

export async function watchTriagedMentions(db: Database, orgId: string, mentions: readonly TriagedMention[], now = Date.now()): Promise<CrisisWatchReport> {
  // Spam waves are not a crisis of the brand; they would only look like one.
  const recent = mentions.filter((mention) => !mention.spam && Date.parse(mention.postedAt) >= now - OLDEST_MENTION_FED_MS);
  const report: CrisisWatchReport = { fed: 0, skippedOld: mentions.filter((m) => !m.spam).length - recent.length, skippedFed: 0, alerts: [] };
  const onTopics = recent.filter((mention) => mention.topicIds.length > 0);
  if (onTopics.length === 0) return report;
  await db.transaction(async (tx) => {
    const fresh = await firstFeeding(tx, orgId, onTopics);
    report.skippedFed = onTopics.length - fresh.length;
    if (fresh.length === 0) return;
    const settings = await crisisSettingsOf(tx, orgId);
    const settingsOf = topicSettingsResolver(settings);
    const byTopic = mentionsByTopic(fresh, settingsOf);
    const { detectors, wakesTick } = await lockedDetectors(tx, orgId, byTopic, settingsOf, now);
    for (const [topicId, detector] of detectors) {
      // In posted order; a mention older than the topic's clock (a slow source) counts at the clock's time.
      for (const mention of byTopic.get(topicId)!.sort((a, b) => a.at - b.at)) {
        report.alerts.push(...detector.observe(mention));
        report.fed++;
      }
    }
    await saveDetectorsAndDeliver(tx, orgId, settings, detectors.values(), report.alerts, new Date(now));
    if (wakesTick) await scheduleCrisisTick(tx, orgId, now);
  });
  return report;
}
