// Insights' tables: rollups kept current as the lower modules publish what happened,
// so dashboards read a few hundred rows whatever the organization's history.
// - mention counts per hour and per UTC day, spoke and topic, by sentiment;
// - conversation counts (opened, replies, first responses, resolutions, SLA met and
//   missed) per UTC day and month, for the organization, each spoke and each person;
// - response-time histograms on fixed log-scale bins (response-time-bins.ts) at the
//   same grain, so medians and 90th percentiles merge across days, months and spokes;
// - advocacy per day, sharer and story, swept from advocacy's own numbers;
// - what was counted (`insights_counted`), so a redelivered event never counts twice;
// - the weekly digests sent, so a retried digest job mails nobody twice.
// Dimension columns use two sentinel ids (see rollup-keys.ts): ALL (every spoke/topic,
// the total) and NONE (no spoke: the hub's queue or a mention not placed; no topic).
import { bigint, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, people } from '../people/people.schema.ts';

const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const bucketStart = () => timestamp('bucket_start', { withTimezone: true }).notNull();
const count = (name: string) => integer(name).notNull().default(0);

/** `hour` rows serve hourly charts of short ranges; `day` rows everything else. */
export const mentionPeriods = ['hour', 'day'] as const;
export type MentionPeriod = (typeof mentionPeriods)[number];
/** `month` rows keep long ranges cheap for totals and percentiles; `day` rows make the edges and the series. */
export const conversationPeriods = ['day', 'month'] as const;
export type ConversationPeriod = (typeof conversationPeriods)[number];
/** Whose numbers a row holds: the organization's (key ALL), a spoke's (key: spoke, or NONE for the hub's queue), a person's. */
export const rollupScopes = ['org', 'spoke', 'person'] as const;
export type RollupScope = (typeof rollupScopes)[number];
export const responseMetrics = ['first_response', 'resolution'] as const;
export type ResponseMetric = (typeof responseMetrics)[number];

export const insightsMentionCounts = pgTable('insights_mention_counts', {
  orgId: orgId(),
  period: text('period').$type<MentionPeriod>().notNull(),
  /** The spoke the mention is about (triage's place), NONE when none, ALL for every mention. */
  spokeId: uuid('spoke_id').notNull(),
  bucketStart: bucketStart(),
  /** One row per topic the mention matched (a mention on two topics counts in both), NONE for none, ALL counts it once. */
  topicId: uuid('topic_id').notNull(),
  negative: count('negative'),
  neutral: count('neutral'),
  positive: count('positive'),
  /** Spam is counted apart and left out of the sentiments. */
  spam: count('spam'),
}, (t) => [primaryKey({ columns: [t.orgId, t.period, t.spokeId, t.bucketStart, t.topicId] })]);

export const insightsConversationCounts = pgTable('insights_conversation_counts', {
  orgId: orgId(),
  period: text('period').$type<ConversationPeriod>().notNull(),
  scope: text('scope').$type<RollupScope>().notNull(),
  bucketStart: bucketStart(),
  key: uuid('key').notNull(),
  opened: count('opened'),
  replies: count('replies'),
  firstResponses: count('first_responses'),
  /** Sum of the first response times, for the mean. */
  firstResponseSeconds: bigint('first_response_seconds', { mode: 'number' }).notNull().default(0),
  resolutions: count('resolutions'),
  resolutionSeconds: bigint('resolution_seconds', { mode: 'number' }).notNull().default(0),
  firstResponseSlaMet: count('first_response_sla_met'),
  firstResponseSlaMissed: count('first_response_sla_missed'),
  resolutionSlaMet: count('resolution_sla_met'),
  resolutionSlaMissed: count('resolution_sla_missed'),
}, (t) => [primaryKey({ columns: [t.orgId, t.period, t.scope, t.bucketStart, t.key] })]);

export const insightsResponseHistograms = pgTable('insights_response_histograms', {
  orgId: orgId(),
  period: text('period').$type<ConversationPeriod>().notNull(),
  metric: text('metric').$type<ResponseMetric>().notNull(),
  scope: text('scope').$type<RollupScope>().notNull(),
  key: uuid('key').notNull(),
  bucketStart: bucketStart(),
  /** How many times fell in each log-scale bin (response-time-bins.ts), bin 0 first: one row per bucket, not per bin, so a range reads few rows. */
  bins: integer('bins').array().notNull(),
  // Key before time: a page of people, or a few spokes, reads one short range each.
}, (t) => [primaryKey({ columns: [t.orgId, t.period, t.metric, t.scope, t.key, t.bucketStart] })]);

/**
 * Advocacy per day a share went out, per sharer and story: shares, potential reach, and
 * the clicks those shares earned so far. Replaced, not added to, by the sweep
 * (sweep-advocacy.ts) while the day's shares still earn clicks.
 */
export const insightsAdvocacyDays = pgTable('insights_advocacy_days', {
  orgId: orgId(),
  day: date('day').notNull(),
  personId: uuid('person_id').notNull(),
  storyId: uuid('story_id').notNull(),
  shares: count('shares'),
  reach: bigint('reach', { mode: 'number' }).notNull().default(0),
  clicks: bigint('clicks', { mode: 'number' }).notNull().default(0),
  uniqueClicks: bigint('unique_clicks', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.orgId, t.day, t.personId, t.storyId] })]);

/** What has been counted: a mention, a conversation's opening, first response or resolution, a reply. */
export const insightsCounted = pgTable('insights_counted', {
  orgId: orgId(),
  /** rollup-keys.ts `countedKinds`. */
  kind: smallint('kind').notNull(),
  /** The id of what was counted: the mention, the conversation, the reply. */
  ref: uuid('ref').notNull(),
}, (t) => [primaryKey({ columns: [t.orgId, t.kind, t.ref] })]);

/** One row per digest mailed: to whom, for which week and spoke (ALL: the hub's digest). */
export const insightsDigests = pgTable('insights_digests', {
  orgId: orgId(),
  weekStart: date('week_start').notNull(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  spokeId: uuid('spoke_id').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.personId, t.weekStart, t.spokeId] }), index('insights_digests_org').on(t.orgId, t.weekStart)]);
