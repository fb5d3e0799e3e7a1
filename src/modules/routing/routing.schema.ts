// Routing's tables: the organization's ordered rules, SLA policies and the spokes'
// business calendars; each conversation's routing state and its timeline (routing,
// assignments, notes, SLA warnings and breaches); requests for an expert; and the
// notifications people receive, their preferences and the outgoing webhook channels.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, people, spokes } from '../people/people.schema.ts';
import { conversations } from '../listening/listening.schema.ts';
import type { Condition, RuleActions } from './rules/routing-rule.ts';
import type { WeeklySlot } from './rules/weekly-hours.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const routingRules = pgTable('routing_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  conditions: jsonb('conditions').$type<Condition[]>().notNull(),
  actions: jsonb('actions').$type<RuleActions>().notNull(),
  stop: boolean('stop').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('routing_rules_org_position').on(t.orgId, t.position)]);

export const priorityLevels = ['low', 'normal', 'high', 'urgent'] as const;
export const priorityLevel = pgEnum('priority_level', priorityLevels);

/** Who is told, in turn, when an SLA is breached. */
export const escalationSteps = ['assignee', 'spoke_lead', 'hub'] as const;
export type EscalationStep = (typeof escalationSteps)[number];

export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  name: text('name').notNull(),
  /** The policy conversations of this priority get when no rule names one. */
  defaultFor: priorityLevel('default_for'),
  firstResponseMinutes: integer('first_response_minutes').notNull(),
  nextResponseMinutes: integer('next_response_minutes').notNull(),
  resolutionMinutes: integer('resolution_minutes').notNull(),
  /** Warn this many business minutes before a clock runs out. */
  warnBeforeMinutes: integer('warn_before_minutes').notNull().default(15),
  escalation: jsonb('escalation').$type<EscalationStep[]>().notNull().default(['assignee', 'spoke_lead', 'hub']),
  /** After a breach, the next step of the chain is told this many business minutes later if nothing moved. */
  escalationIntervalMinutes: integer('escalation_interval_minutes').notNull().default(30),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('sla_policies_org_name').on(t.orgId, sql`lower(${t.name})`),
  uniqueIndex('sla_policies_org_default').on(t.orgId, t.defaultFor),
]);

/** A spoke's business hours, which its SLA clocks count in; spokes without one count all hours of the hub's calendar. */
export const spokeCalendars = pgTable('spoke_calendars', {
  spokeId: uuid('spoke_id').primaryKey().references(() => spokes.id, { onDelete: 'cascade' }),
  orgId: orgId(),
  timeZone: text('time_zone').notNull(),
  slots: jsonb('slots').$type<WeeklySlot[]>().notNull(),
  updatedAt: updatedAt(),
});

export const conversationStatuses = ['new', 'assigned', 'waiting', 'resolved'] as const;
export const conversationStatus = pgEnum('conversation_status', conversationStatuses);

/** Routing's view of a conversation: where it is, whose it is, and its clocks. */
export const conversationStates = pgTable('conversation_states', {
  conversationId: uuid('conversation_id').primaryKey().references(() => conversations.id, { onDelete: 'cascade' }),
  orgId: orgId(),
  status: conversationStatus('status').notNull().default('new'),
  /** Null: the hub's queue. */
  spokeId: uuid('spoke_id').references(() => spokes.id, { onDelete: 'set null' }),
  assigneeId: uuid('assignee_id').references(() => people.id, { onDelete: 'set null' }),
  assignedAt: at('assigned_at'),
  /** Who started it, so the person who helped this author before is preferred. */
  authorHandle: text('author_handle'),
  priority: priorityLevel('priority').notNull().default('normal'),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
  requireApproval: boolean('require_approval').notNull().default(false),
  noReplyNeeded: boolean('no_reply_needed').notNull().default(false),
  /** 0: not escalated; then the index+1 of the escalation step reached. */
  escalationLevel: integer('escalation_level').notNull().default(0),
  snoozedUntil: at('snoozed_until'),
  mergedInto: uuid('merged_into').references(() => conversations.id, { onDelete: 'set null' }),
  /** The newest mention routing has handled (listening's seq): a retried job skips what it saw. */
  handledSeq: bigint('handled_seq', { mode: 'number' }).notNull().default(0),
  lastCustomerAt: at('last_customer_at').notNull(),
  firstResponseDueAt: at('first_response_due_at'),
  nextResponseDueAt: at('next_response_due_at'),
  resolutionDueAt: at('resolution_due_at'),
  firstRespondedAt: at('first_responded_at'),
  resolvedAt: at('resolved_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  // Per person first: a person's open load is read on every assignment, and must not wander through the spoke's queue.
  index('conversation_states_assignee').on(t.assigneeId, t.status),
  index('conversation_states_spoke').on(t.orgId, t.spokeId, t.status),
  index('conversation_states_due').on(t.orgId, t.firstResponseDueAt),
  index('conversation_states_author').on(t.orgId, t.authorHandle),
  index('conversation_states_last_assigned').on(t.assigneeId, t.assignedAt),
]);

export const conversationEventKinds = [
  'routed', 'assigned', 'queued', 'claimed', 'transferred', 'status', 'reopened', 'escalated', 'sla_warning', 'sla_breach',
  'note', 'snoozed', 'merged', 'expert_requested', 'expert_joined', 'replied',
] as const;
export const conversationEventKind = pgEnum('conversation_event_kind', conversationEventKinds);

/** A conversation's timeline: every routing decision, assignment (with "why me"), note and clock event. */
export const conversationEvents = pgTable('conversation_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: orgId(),
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  at: at('at').notNull().defaultNow(),
  kind: conversationEventKind('kind').notNull(),
  actorPersonId: uuid('actor_person_id'),
  /** Kind-specific: reasons, from/to, the note's text and who it mentions, the rule trace. */
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [index('conversation_events_conversation').on(t.conversationId, t.id)]);

/** "Ask an expert": people with the skill are notified; the first to accept joins. */
export const expertRequests = pgTable('expert_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  skill: text('skill').notNull(),
  question: text('question').notNull(),
  requestedBy: uuid('requested_by').notNull().references(() => people.id, { onDelete: 'cascade' }),
  acceptedBy: uuid('accepted_by').references(() => people.id, { onDelete: 'set null' }),
  acceptedAt: at('accepted_at'),
  createdAt: createdAt(),
}, (t) => [index('expert_requests_conversation').on(t.conversationId)]);

/** Conversations someone joined as an expert or through an @mention: they see them in their inbox too. */
export const conversationParticipants = pgTable('conversation_participants', {
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  orgId: orgId(),
  reason: text('reason').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('conversation_participants_unique').on(t.conversationId, t.personId), index('conversation_participants_person').on(t.personId)]);

export const notifications = pgTable('notifications', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: orgId(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  createdAt: createdAt(),
  readAt: at('read_at'),
  /** When it went out by e-mail, alone or in a digest; null while it waits (or e-mail is off). */
  emailedAt: at('emailed_at'),
}, (t) => [index('notifications_person').on(t.personId, t.id), index('notifications_unmailed').on(t.orgId, t.emailedAt)]);

export const emailModes = ['instant', 'digest', 'off'] as const;
export const emailMode = pgEnum('email_mode', emailModes);

export const notificationPreferences = pgTable('notification_preferences', {
  personId: uuid('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  orgId: orgId(),
  email: emailMode('email').notNull().default('instant'),
  /** Local "HH:MM" in the person's time zone; mails wait until the quiet hours end. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** Local hour at which the daily digest goes out. */
  digestHour: integer('digest_hour').notNull().default(8),
  updatedAt: updatedAt(),
});

export const channelFormats = ['slack', 'teams'] as const;
export const channelFormat = pgEnum('channel_format', channelFormats);

/** Outgoing webhooks (Slack- or Teams-compatible JSON), signed with the channel's secret. */
export const notificationChannels = pgTable('notification_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: orgId(),
  name: text('name').notNull(),
  format: channelFormat('format').notNull(),
  url: text('url').notNull(),
  /** Kept to sign deliveries (it must be usable, so it cannot be hashed); never returned after creation. */
  secret: text('secret').notNull(),
  lastDeliveryAt: at('last_delivery_at'),
  lastError: text('last_error'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('notification_channels_org_name').on(t.orgId, sql`lower(${t.name})`)]);
