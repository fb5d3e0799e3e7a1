// Advocacy's tables: stories to spread (owned content with talking points and an
// audience, from the hub, spoke leads, the company's feeds or suggested by anyone),
// shares of a story in a person's own words, the tracked short link of each share and
// the clicks it earned (counted without storing addresses), the company feeds stories
// come from, the accounts people share to, points and badges for recognition, and the
// organization's advocacy settings (caps, hours, points, rates, the pause switch).
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations, people, spokes } from '../people/people.schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const storyStatuses = ['suggested', 'draft', 'in_review', 'live', 'paused', 'expired', 'rejected'] as const;
export const storyStatus = pgEnum('story_status', storyStatuses);
export const storyOrigins = ['hub', 'spoke', 'feed', 'employee'] as const;
export const storyOrigin = pgEnum('story_origin', storyOrigins);

/** A feed of the company's own blog or newsroom: each new item becomes a story, live at once where the feed is trusted. */
export const storyFeeds = pgTable('story_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  url: text('url').notNull(),
  title: text('title').notNull().default(''),
  /** The spoke whose lead looks after its stories (null: the hub). */
  spokeId: uuid('spoke_id').references(() => spokes.id, { onDelete: 'set null' }),
  /** New items go live at once; otherwise they wait in review. */
  autoApprove: boolean('auto_approve').notNull().default(false),
  enabled: boolean('enabled').notNull().default(true),
  etag: text('etag'),
  lastModified: text('last_modified'),
  nextPollAt: at('next_poll_at').notNull().defaultNow(),
  lastPolledAt: at('last_polled_at'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lastError: text('last_error'),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('story_feeds_due').on(t.enabled, t.nextPollAt), uniqueIndex('story_feeds_org_url').on(t.orgId, t.url)]);

export const stories = pgTable('stories', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  url: text('url').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  imageUrl: text('image_url'),
  siteName: text('site_name'),
  /** Points to make, never a script. */
  talkingPoints: text('talking_points').array().notNull().default(sql`'{}'::text[]`),
  hashtags: text('hashtags').array().notNull().default(sql`'{}'::text[]`),
  /** Empty lists mean everyone. */
  audienceSpokeIds: uuid('audience_spoke_ids').array().notNull().default(sql`'{}'::uuid[]`),
  audienceSkills: text('audience_skills').array().notNull().default(sql`'{}'::text[]`),
  audienceLanguages: text('audience_languages').array().notNull().default(sql`'{}'::text[]`),
  startsAt: at('starts_at'),
  endsAt: at('ends_at'),
  status: storyStatus('status').notNull(),
  origin: storyOrigin('origin').notNull(),
  /** The spoke whose lead looks after it (null: the hub). */
  spokeId: uuid('spoke_id').references(() => spokes.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  reviewedBy: uuid('reviewed_by').references(() => people.id, { onDelete: 'set null' }),
  reviewedAt: at('reviewed_at'),
  reviewNote: text('review_note'),
  /** The feed it came from, and the item's guid or link there: a feed item becomes one story, however often it is read. */
  feedId: uuid('feed_id').references((): AnyPgColumn => storyFeeds.id, { onDelete: 'set null' }),
  feedItemKey: text('feed_item_key'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('stories_org_status').on(t.orgId, t.status, t.startsAt),
  index('stories_org_url').on(t.orgId, t.url),
  uniqueIndex('stories_feed_item').on(t.orgId, t.feedId, t.feedItemKey),
]);

export const advocateNetworks = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'email'] as const;

/**
 * An account a person shares to. On Mastodon and Bluesky it may be connected (a token
 * or app password, encrypted, lets Herd publish for them and read their followers);
 * elsewhere it only says how many followers the person has there, for reach.
 */
export const advocateAccounts = pgTable('advocate_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  network: text('network').notNull(),
  handle: text('handle').notNull(),
  /** The Mastodon instance or the Bluesky PDS/service the account lives on. */
  serverUrl: text('server_url'),
  /** The network's own id of the account (Mastodon account id, Bluesky DID). */
  externalId: text('external_id'),
  followers: integer('followers').notNull().default(0),
  followersCheckedAt: at('followers_checked_at'),
  /** Encrypted credential (AES-256-GCM), null for accounts only declared. Never leaves the server. */
  credential: text('credential'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('advocate_accounts_person_network').on(t.orgId, t.personId, t.network, t.handle)]);

export const shareStatuses = ['scheduled', 'publishing', 'published', 'opened', 'failed', 'cancelled'] as const;
export const shareStatus = pgEnum('share_status', shareStatuses);

export const shares = pgTable('shares', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  storyId: uuid('story_id').notNull().references(() => stories.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /** The person's own words, as checked by the policy. */
  text: text('text').notNull(),
  /** mastodon, bluesky (through the person's connected account), or linkedin, x, facebook, email (share intent). */
  network: text('network').notNull(),
  status: shareStatus('status').notNull(),
  scheduledFor: at('scheduled_for'),
  /** The tracked short link this share carries (`/s/:code`). */
  linkCode: text('link_code').notNull(),
  /** The account shared to, when the person named one (connected or declared). */
  accountId: uuid('account_id').references(() => advocateAccounts.id, { onDelete: 'set null' }),
  /** Followers of the account shared to, at share time: the share's potential reach. */
  reach: integer('reach').notNull().default(0),
  policyVersion: integer('policy_version').notNull(),
  findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
  publishAttempts: integer('publish_attempts').notNull().default(0),
  lastError: text('last_error'),
  publishedExternalId: text('published_external_id'),
  publishedUrl: text('published_url'),
  publishedAt: at('published_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('shares_story').on(t.storyId, t.createdAt),
  index('shares_person').on(t.personId, t.createdAt),
  index('shares_org_status').on(t.orgId, t.status, t.scheduledFor),
  // Measurement filters an organization's shares by when they went out.
  index('shares_org_created').on(t.orgId, t.createdAt),
]);

/** A short code and where it leads; read on every redirect, so keyed by the code alone. */
export const trackedLinks = pgTable('tracked_links', {
  code: text('code').primaryKey(),
  orgId: orgId(),
  shareId: uuid('share_id').references(() => shares.id, { onDelete: 'cascade' }),
  /** The story's URL with the UTM tags of the share. */
  targetUrl: text('target_url').notNull(),
  createdAt: createdAt(),
});

/**
 * Clicks per link and day. A visitor is a salted hash of address and user agent with a
 * salt that changes every day and is never stored: unique visitors can be counted for
 * the day, and nobody can be followed from one day to the next.
 */
export const linkClicks = pgTable('link_clicks', {
  code: text('code').notNull().references(() => trackedLinks.code, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  visitor: text('visitor').notNull(),
  clicks: integer('clicks').notNull().default(1),
  firstAt: at('first_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.code, t.day, t.visitor] })]);

export const pointActions = ['share', 'click', 'story_approved', 'helpful_answer'] as const;
export const pointAction = pgEnum('point_action', pointActions);

export const advocacyPoints = pgTable('advocacy_points', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: orgId(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  action: pointAction('action').notNull(),
  points: integer('points').notNull(),
  /** What earned them (a share, a story, a reply), so an action scores once. */
  refId: text('ref_id').notNull(),
  at: createdAt(),
}, (t) => [index('advocacy_points_person').on(t.orgId, t.personId, t.at), uniqueIndex('advocacy_points_ref').on(t.orgId, t.action, t.refId)]);

/** Badges a person earned, each once, dated; what earns them is defined in code. */
export const advocacyBadges = pgTable('advocacy_badges', {
  orgId: orgId(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  badge: text('badge').notNull(),
  awardedAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.personId, t.badge] }), index('advocacy_badges_org').on(t.orgId, t.awardedAt)]);

export const advocacySettings = pgTable('advocacy_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: updatedAt(),
});
