// Triage's tables: the organization's categories and the labeled examples they learn
// from, the trained models, how accurate they were over time, and each mention's triage.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, spokes } from '../people/people.schema.ts';
import { mentions } from '../listening/listening.schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });

export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  name: text('name').notNull(),
  description: text('description'),
  /** Words that decide this category whatever the model says (checked in `position` order). */
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('categories_org_name_unique').on(t.orgId, sql`lower(${t.name})`)]);

/** How a label came to be: typed in, imported, or learned from what people did with a conversation. */
export const exampleOrigins = ['manual', 'imported', 'corrected', 'resolved', 'rerouted'] as const;
export const exampleOrigin = pgEnum('example_origin', exampleOrigins);

export const categoryExamples = pgTable('category_examples', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  categoryId: uuid('category_id').notNull().references(() => categories.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  origin: exampleOrigin('origin').notNull(),
  /** The mention it was taken from; a mention holds one label, the latest. */
  mentionId: uuid('mention_id').references(() => mentions.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  /** Set once the category model has learned it. */
  learnedAt: timestamp('learned_at', { withTimezone: true }),
}, (t) => [
  index('category_examples_org_created').on(t.orgId, t.createdAt),
  uniqueIndex('category_examples_one_per_mention').on(t.orgId, t.mentionId),
]);

/** One trained category model per organization, replaced as it learns. */
export const categoryModels = pgTable('category_models', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  model: jsonb('model').notNull(),
  examples: integer('examples').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

/** Accuracy of the category model as it learned: tested on the new examples before learning them. */
export const categoryAccuracy = pgTable('category_accuracy', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: orgId(),
  measuredAt: timestamp('measured_at', { withTimezone: true }).notNull().defaultNow(),
  modelVersion: integer('model_version').notNull(),
  /** Examples the model knew when tested. */
  examples: integer('examples').notNull(),
  tested: integer('tested').notNull(),
  correct: integer('correct').notNull(),
}, (t) => [index('category_accuracy_org_time').on(t.orgId, t.measuredAt)]);

export const sentimentLabels = ['negative', 'neutral', 'positive'] as const;
export const sentimentLabel = pgEnum('sentiment_label', sentimentLabels);
export const categoryDeciders = ['model', 'rule', 'person'] as const;
export const categoryDecider = pgEnum('category_decider', categoryDeciders);

export interface Weighted { term: string; weight: number }

export const mentionTriage = pgTable('mention_triage', {
  mentionId: uuid('mention_id').primaryKey().references(() => mentions.id, { onDelete: 'cascade' }),
  orgId: orgId(),
  language: text('language'),
  languageConfidence: real('language_confidence').notNull(),
  sentiment: sentimentLabel('sentiment').notNull(),
  sentimentScore: real('sentiment_score').notNull(),
  sentimentConfidence: real('sentiment_confidence').notNull(),
  sentimentReasons: jsonb('sentiment_reasons').$type<Weighted[]>().notNull(),
  categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
  categoryConfidence: real('category_confidence'),
  categoryReasons: jsonb('category_reasons').$type<Weighted[]>().notNull().default([]),
  categoryDecidedBy: categoryDecider('category_decided_by'),
  urgency: smallint('urgency').notNull(),
  urgencyReasons: jsonb('urgency_reasons').$type<string[]>().notNull(),
  placeSpokeId: uuid('place_spoke_id').references(() => spokes.id, { onDelete: 'set null' }),
  placeMatched: text('place_matched'),
  placeConfidence: real('place_confidence'),
  spam: boolean('spam').notNull(),
  spamReasons: jsonb('spam_reasons').$type<string[]>().notNull(),
  /** SimHash of the text and its four 16-bit bands, to find near-copies by equality on a band. */
  fingerprint: bigint('fingerprint', { mode: 'bigint' }),
  band0: integer('band0'),
  band1: integer('band1'),
  band2: integer('band2'),
  band3: integer('band3'),
  /** The first mention of its near-duplicate group (itself when it started it); null when it has no words. */
  duplicateOf: uuid('duplicate_of'),
  postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  triagedAt: timestamp('triaged_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('mention_triage_org_category').on(t.orgId, t.categoryId),
  index('mention_triage_org_urgency').on(t.orgId, t.urgency),
  index('mention_triage_duplicate_of').on(t.duplicateOf),
  ...([0, 1, 2, 3] as const).map((band) => index(`mention_triage_band${band}`).on(t.orgId, [t.band0, t.band1, t.band2, t.band3][band]!, t.postedAt)),
]);
