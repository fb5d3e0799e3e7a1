// Respond's tables: the organization's social-media policy as versioned rule sets and
// who acknowledged which version; the risk settings that decide which replies wait for
// approval; the replies themselves (text, findings, tier, approval, publishing) with
// their reviews; and the library of saved replies and holding statements.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, people, spokes } from '../people/people.schema.ts';
import { conversations, mentions } from '../listening/listening.schema.ts';
import type { PolicyRule } from './policy/policy-rule.ts';
import type { PolicyFinding } from './policy/check-reply.ts';
import type { RiskSettings } from './risk/risk-settings.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/** Every saved version of an organization's policy; the newest is in force. */
export const policyVersions = pgTable('policy_versions', {
  orgId: orgId(),
  version: integer('version').notNull(),
  rules: jsonb('rules').$type<PolicyRule[]>().notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.orgId, t.version] })]);

export const policyAcknowledgements = pgTable('policy_acknowledgements', {
  orgId: orgId(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  acknowledgedAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.personId, t.version] })]);

export const respondSettings = pgTable('respond_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<RiskSettings>().notNull(),
  updatedAt: updatedAt(),
});

export const replyStatuses = [
  'pending_approval', 'changes_requested', 'rejected', 'approved', 'publishing', 'awaiting_manual', 'published', 'failed', 'expired',
] as const;
export type ReplyStatus = (typeof replyStatuses)[number];
export const replyStatus = pgEnum('reply_status', replyStatuses);
export const riskTiers = ['low', 'high'] as const;
export const riskTier = pgEnum('risk_tier', riskTiers);

export const replies = pgTable('replies', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  /** The customer's post this answers (the newest when it was written). */
  inReplyToMentionId: uuid('in_reply_to_mention_id').notNull().references(() => mentions.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  network: text('network').notNull(),
  status: replyStatus('status').notNull(),
  riskTier: riskTier('risk_tier').notNull(),
  riskReasons: text('risk_reasons').array().notNull().default(sql`'{}'::text[]`),
  policyVersion: integer('policy_version').notNull(),
  findings: jsonb('findings').$type<PolicyFinding[]>().notNull().default([]),
  /** The saved reply or holding statement it started from, if any. */
  startedFrom: uuid('started_from'),
  /** The customer's last post when this was submitted: a newer one expires an approval. */
  customerLastSeenAt: at('customer_last_seen_at').notNull(),
  approvedBy: uuid('approved_by').references(() => people.id, { onDelete: 'set null' }),
  approvedAt: at('approved_at'),
  publishAttempts: integer('publish_attempts').notNull().default(0),
  lastError: text('last_error'),
  nextAttemptAt: at('next_attempt_at'),
  publishedExternalId: text('published_external_id'),
  publishedUrl: text('published_url'),
  publishedAt: at('published_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('replies_org_status').on(t.orgId, t.status, t.createdAt),
  index('replies_conversation').on(t.conversationId, t.createdAt),
  index('replies_author').on(t.authorId, t.createdAt),
]);

export const reviewDecisions = ['approved', 'changes_requested', 'rejected'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const replyReviews = pgTable('reply_reviews', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: orgId(),
  replyId: uuid('reply_id').notNull().references(() => replies.id, { onDelete: 'cascade' }),
  reviewerId: uuid('reviewer_id').references(() => people.id, { onDelete: 'set null' }),
  decision: text('decision').$type<ReviewDecision>().notNull(),
  comment: text('comment').notNull().default(''),
  /** The part of the text the comment is about (UTF-16 offsets), if any. */
  span: jsonb('span').$type<{ start: number; end: number } | null>(),
  reviewedText: text('reviewed_text').notNull(),
  at: createdAt(),
}, (t) => [index('reply_reviews_reply').on(t.replyId, t.id)]);

export const libraryKinds = ['saved_reply', 'holding_statement'] as const;
export type LibraryKind = (typeof libraryKinds)[number];

/** Starting points for a reply, never forced text: saved replies and approved holding statements. */
export const savedReplies = pgTable('saved_replies', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  kind: text('kind').$type<LibraryKind>().notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
  /** Null: for everyone in the organization. */
  spokeId: uuid('spoke_id').references(() => spokes.id, { onDelete: 'cascade' }),
  topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
  language: text('language'),
  expiresAt: at('expires_at'),
  approvedBy: uuid('approved_by').references(() => people.id, { onDelete: 'set null' }),
  approvedAt: at('approved_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('saved_replies_org_kind').on(t.orgId, t.kind, t.title), uniqueIndex('saved_replies_org_title').on(t.orgId, t.kind, t.title)]);
