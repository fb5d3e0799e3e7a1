// Tables of the people module: organizations, their spokes, people and roles, and the
// sign-in state (sessions, API tokens, failed sign-ins) plus the audit log.
// Every table but `organizations` (whose id *is* the org id) and `login_failures`
// (written before anyone is known) carries org_id.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

export const spokeKinds = ['department', 'business_unit', 'store', 'region', 'other'] as const;
export const roles = ['hub_admin', 'pr_lead', 'spoke_lead', 'volunteer', 'analyst'] as const;
export const personStatuses = ['active', 'away', 'left'] as const;

export const spokeKind = pgEnum('spoke_kind', spokeKinds);
export const role = pgEnum('role', roles);
export const personStatus = pgEnum('person_status', personStatuses);

export interface Skill { topic: string; level: number }
/** A weekly opening: ISO weekday (1 = Monday) with local start and end times "HH:MM". */
export interface WorkingHoursSlot { day: number; start: string; end: string }

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Seeded demo data ("Acme Retail"); the UI shows a banner and `herd demo --reset` may remove it. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const spokes = pgTable('spokes', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  kind: spokeKind('kind').notNull(),
  name: text('name').notNull(),
  parentSpokeId: uuid('parent_spoke_id').references((): any => spokes.id, { onDelete: 'set null' }),
  address: text('address'),
  city: text('city'),
  region: text('region'),
  country: text('country'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /** Other names people use for it ("the Leeds store", "Briggate"), so mentions find it. */
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('spokes_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
]);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  email: text('email').notNull(),
  title: text('title'),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  skills: jsonb('skills').$type<Skill[]>().notNull().default([]),
  timeZone: text('time_zone').notNull().default('UTC'),
  workingHours: jsonb('working_hours').$type<WorkingHoursSlot[]>().notNull().default([]),
  capacity: integer('capacity').notNull().default(5),
  /** Reached through training (the enablement module will award it); routing and replying may require a level. */
  certificationLevel: integer('certification_level').notNull().default(0),
  socialHandles: jsonb('social_handles').$type<Record<string, string>>().notNull().default({}),
  status: personStatus('status').notNull().default('active'),
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('people_org_email_unique').on(t.orgId, sql`lower(${t.email})`),
  index('people_email_lookup').on(sql`lower(${t.email})`),
  index('people_org_name_order').on(t.orgId, t.name, t.id),
]);

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /** Null means the role holds organization-wide. */
  spokeId: uuid('spoke_id').references(() => spokes.id, { onDelete: 'cascade' }),
  role: role('role').notNull(),
  createdAt: createdAt(),
}, (t) => [
  unique('memberships_unique').on(t.personId, t.spokeId, t.role).nullsNotDistinct(),
  index('memberships_spoke').on(t.orgId, t.spokeId),
]);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie's token: a leaked table row cannot be replayed as a cookie. */
  tokenHash: text('token_hash').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_person').on(t.personId)]);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** First characters of the token, shown in lists so people can tell tokens apart. */
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('api_tokens_org').on(t.orgId, t.personId)]);

export const loginFailures = pgTable('login_failures', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** SHA-256 of the lower-cased e-mail: counts attempts without keeping typed addresses. */
  emailKey: text('email_key').notNull(),
  ip: text('ip').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('login_failures_email').on(t.emailKey, t.at), index('login_failures_ip').on(t.ip, t.at)]);

export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorPersonId: uuid('actor_person_id'),
  /** Who acted, as shown: a person's name and e-mail, "api token …", or "system". Kept when the person is gone. */
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  targetLabel: text('target_label'),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [
  index('audit_events_org_id').on(t.orgId, t.id),
  index('audit_events_org_target').on(t.orgId, t.targetType, t.targetId),
]);
