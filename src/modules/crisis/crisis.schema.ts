// Crisis's tables: each topic's detector state (the core's JSON snapshot, so a restart
// carries on where it stopped), the mentions already fed (so a batch run twice counts
// once), the alerts the detectors raised, as the core made them, and each
// organization's settings (detectors, who is told, escalation).
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, people } from '../people/people.schema.ts';
import type { CrisisAlert, CrisisDetectorKind } from './detectors/crisis-alert.ts';
import type { TopicDetectorSnapshot } from './detectors/topic-detector.ts';
import type { StoredCrisisSettings } from './crisis-settings-document.ts';

const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/** One row per (organization, topic): locked while a batch is fed, so one worker at a time moves a topic's detectors. */
export const crisisDetectorStates = pgTable('crisis_detector_states', {
  orgId: orgId(),
  // No foreign key to listening's topics: a topic deleted while its mentions are still in
  // the pipeline must not fail the whole batch; a deleted topic's row is simply never read again.
  topicId: uuid('topic_id').notNull(),
  snapshot: jsonb('snapshot').$type<TopicDetectorSnapshot>().notNull(),
  /** The stream time the detectors reached (the snapshot's clock), readable without parsing the snapshot. */
  clock: at('clock'),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.topicId] })]);

/**
 * The mentions fed to the detectors lately, one row per mention: the job queue runs at
 * least once, and a batch whose run outlived its lease may run again; the feed inserts
 * its mentions here first and feeds only those that were not in yet. Rows older than
 * two days are pruned (the feed never takes mentions posted over a day before).
 */
export const crisisFedMentions = pgTable('crisis_fed_mentions', {
  orgId: orgId(),
  // No foreign key: the row only guards the feed, and must not slow the hot path with a check.
  mentionId: uuid('mention_id').notNull(),
  fedAt: at('fed_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.mentionId] }), index('crisis_fed_mentions_org_fed').on(t.orgId, t.fedAt)]);

export const crisisAlerts = pgTable('crisis_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  // No foreign key: an alert is part of the record of a crisis and outlives its topic.
  topicId: uuid('topic_id').notNull(),
  detector: text('detector').$type<CrisisDetectorKind>().notNull(),
  summary: text('summary').notNull(),
  /** The alert exactly as the detector explained it: metric, baseline, observed, window, score, threshold, test. */
  explanation: jsonb('explanation').$type<CrisisAlert>().notNull(),
  sampleMentionIds: uuid('sample_mention_ids').array().notNull(),
  /** When the detector fired, in stream time (the mentions' posted times). */
  raisedAt: at('raised_at').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  acknowledgedAt: at('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by').references(() => people.id, { onDelete: 'set null' }),
  /** When nobody had acknowledged it in time and the escalation list was told (wall clock). */
  escalatedAt: at('escalated_at'),
}, (t) => [index('crisis_alerts_org_raised').on(t.orgId, t.raisedAt, t.id), index('crisis_alerts_org_topic').on(t.orgId, t.topicId, t.raisedAt)]);

/** The organization's crisis settings as one JSON document; an organization without a row runs the defaults. */
export const crisisSettings = pgTable('crisis_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<StoredCrisisSettings>().notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
