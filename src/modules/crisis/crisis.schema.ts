// Crisis's tables: each topic's detector state (the core's JSON snapshot, so a restart
// carries on where it stopped) and the alerts the detectors raised, as the core made
// them. Settings per organization come later; until then every topic runs the core's
// defaults (DEFAULT_DETECTOR_SETTINGS).
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, people } from '../people/people.schema.ts';
import type { CrisisAlert, CrisisDetectorKind } from './detectors/crisis-alert.ts';
import type { TopicDetectorSnapshot } from './detectors/topic-detector.ts';

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
}, (t) => [index('crisis_alerts_org_raised').on(t.orgId, t.raisedAt, t.id), index('crisis_alerts_org_topic').on(t.orgId, t.topicId, t.raisedAt)]);
