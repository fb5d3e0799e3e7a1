// Tables of the listening module: the sources Herd listens to (with their durable
// cursors and polling leases), the listening topics, and the mentions heard, each
// threaded into a conversation.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint, boolean, customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../people/people.schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const sourceStatuses = ['active', 'paused'] as const;
/** `topics`: keep only posts that match a listening topic (broad streams); `all`: keep every post (direct channels). */
export const sourceMatchModes = ['topics', 'all'] as const;
export const sourceStatus = pgEnum('source_status', sourceStatuses);
export const sourceMatchMode = pgEnum('source_match_mode', sourceMatchModes);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });

export const sources = pgTable('sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
  status: sourceStatus('status').notNull().default('active'),
  matchMode: sourceMatchMode('match_mode').notNull().default('topics'),
  cursor: jsonb('cursor').$type<Record<string, unknown> | null>(),
  /** When to poll next or, for a streamed source whose stream failed, when to start it again. */
  nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull().defaultNow(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lastError: text('last_error'),
  /** Problems the last successful read reported without failing (e.g. more new posts than one poll reads); null when none. */
  lastWarning: text('last_warning'),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  /**
   * Which worker holds the source, and until when: each source is polled, or streamed, by exactly one worker.
   * A poll holds it for one read; a stream holds it while it runs, renewing it as it goes.
   */
  leaseOwner: text('lease_owner'),
  leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('sources_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
  index('sources_due').on(t.status, t.nextPollAt),
]);

export const topics = pgTable('topics', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  name: text('name').notNull(),
  query: text('query').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('topics_org_name_unique').on(t.orgId, sql`lower(${t.name})`)]);

export const conversations = pgTable('conversations', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  sourceId: uuid('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  lastMentionAt: timestamp('last_mention_at', { withTimezone: true }).notNull(),
  mentionCount: integer('mention_count').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [index('conversations_org_last').on(t.orgId, t.lastMentionAt)]);

export const mentions = pgTable('mentions', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  sourceId: uuid('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  externalId: text('external_id').notNull(),
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  inReplyToExternalId: text('in_reply_to_external_id'),
  authorHandle: text('author_handle'),
  authorName: text('author_name'),
  authorFollowers: integer('author_followers'),
  authorProfileUrl: text('author_profile_url'),
  title: text('title'),
  text: text('text').notNull(),
  url: text('url'),
  site: text('site'),
  language: text('language'),
  postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
  raw: jsonb('raw'),
  /** 'simple' rather than one language's stemmer: mentions arrive in every language. */
  searchVector: tsvector('search_vector').generatedAlwaysAs((): SQL => sql`to_tsvector('simple', coalesce(${mentions.title}, '') || ' ' || ${mentions.text})`),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
}, (t) => [
  uniqueIndex('mentions_once_per_source').on(t.orgId, t.sourceId, t.externalId),
  index('mentions_org_seq').on(t.orgId, t.seq),
  index('mentions_conversation').on(t.conversationId, t.postedAt),
  index('mentions_reply_lookup').on(t.sourceId, t.inReplyToExternalId),
  index('mentions_topics').using('gin', t.topicIds),
  index('mentions_author').on(t.orgId, t.authorHandle),
  index('mentions_search').using('gin', t.searchVector),
]);
