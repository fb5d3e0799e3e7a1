// The crisis room's tables: each crisis (what it covers, who runs it, where it stands,
// and the effects it holds on the rest of Herd) and its stored timeline. Alerts and
// published replies join the timeline when it is read, from their own tables.
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, people, spokes } from '../../people/people.schema.ts';

export const crisisSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type CrisisSeverity = (typeof crisisSeverities)[number];
/** monitoring → active → recovering → closed; closed is final, any other move is allowed. */
export const crisisStatuses = ['monitoring', 'active', 'recovering', 'closed'] as const;
export type CrisisStatus = (typeof crisisStatuses)[number];
export const crisisTimelineKinds = ['opened', 'status', 'severity', 'owner', 'note', 'alert', 'statement', 'reply-published', 'effect'] as const;
export type TimelineKind = (typeof crisisTimelineKinds)[number];
/** What the room writes itself; alerts and published replies are read from their own tables. */
export type StoredTimelineKind = Exclude<TimelineKind, 'alert' | 'reply-published'>;

const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const crises = pgTable('crises', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  title: text('title').notNull(),
  severity: text('severity').$type<CrisisSeverity>().notNull(),
  status: text('status').$type<CrisisStatus>().notNull(),
  ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
  // No foreign key: a crisis is a record and outlives a deleted topic (its name is then gone from views).
  topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
  crisisTeamSpokeId: uuid('crisis_team_spoke_id').references(() => spokes.id, { onDelete: 'set null' }),
  openedFromAlertId: uuid('opened_from_alert_id'),
  openedAt: at('opened_at').notNull().defaultNow(),
  closedAt: at('closed_at'),
  /** The routing rule sending new conversations on its topics to the crisis team, while it is active. */
  routingRuleId: uuid('routing_rule_id'),
  /** This crisis paused advocacy (it was not paused before) and owes the resume when no crisis is active any more. */
  holdsAdvocacyPause: boolean('holds_advocacy_pause').notNull().default(false),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [index('crises_org_opened').on(t.orgId, t.openedAt, t.id), index('crises_org_status').on(t.orgId, t.status)]);

export const crisisTimelineEntries = pgTable('crisis_timeline_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  crisisId: uuid('crisis_id').notNull().references(() => crises.id, { onDelete: 'cascade' }),
  at: at('at').notNull(),
  kind: text('kind').$type<StoredTimelineKind>().notNull(),
  text: text('text').notNull(),
  actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
  data: jsonb('data').$type<Record<string, unknown>>(),
}, (t) => [index('crisis_timeline_entries_crisis_at').on(t.crisisId, t.at, t.id)]);
