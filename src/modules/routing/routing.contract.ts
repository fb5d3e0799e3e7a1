// The shapes of the routing module's HTTP API: rules and their preview, SLA policies,
// spoke calendars, the inbox, a conversation and what people do with it.
import { Type, type Static } from 'typebox';
import { conversationStatuses, escalationSteps, priorityLevels } from './routing.schema.ts';
import { inboxViews } from './conversations/inbox.ts';

const Id = Type.String({ format: 'uuid' });
const Ids = Type.Array(Id, { maxItems: 200 });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'local time HH:MM' });
const Slot = Type.Object({ day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }), start: HourMinute, end: HourMinute });
export const Calendar = Type.Object({ timeZone: Type.String({ minLength: 1, maxLength: 64 }), slots: Type.Array(Slot, { maxItems: 50 }) });
const Negate = Type.Optional(Type.Boolean());

const conditionBranches = [
  Type.Object({ field: Type.Enum(['topic', 'category', 'source', 'language', 'place', 'sentiment']), anyOf: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100 }), negate: Negate }),
  Type.Object({ field: Type.Enum(['urgency', 'authorFollowers']), atLeast: Type.Optional(Type.Number({ minimum: 0 })), atMost: Type.Optional(Type.Number({ minimum: 0 })), negate: Negate }),
  Type.Object({ field: Type.Enum(['keywords']), anyOf: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100 }), negate: Negate }),
  Type.Object({ field: Type.Enum(['businessHours']), hours: Calendar, negate: Negate }),
];
/** Keyed by `field`: only the branch it names is validated (a plain union would strip fields in the branches tried first). */
const Condition = Type.Unsafe<Static<(typeof conditionBranches)[number]>>({ type: 'object', oneOf: conditionBranches, discriminator: { propertyName: 'field' }, required: ['field'] });
const Priority = Type.Enum(priorityLevels);
const Actions = Type.Object({
  routeTo: Type.Optional(Type.Object({ spokeId: Type.Optional(Id), place: Type.Optional(Type.Literal(true)) }, { description: 'a spoke, or { place: true } for the store the mention is about' })),
  priority: Type.Optional(Priority),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
  slaPolicyId: Type.Optional(Id),
  requireApproval: Type.Optional(Type.Boolean()),
  notify: Type.Optional(Type.Object({ personIds: Type.Optional(Ids), channelIds: Type.Optional(Ids) })),
  noReplyNeeded: Type.Optional(Type.Boolean()),
});
export const RuleInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }), enabled: Type.Optional(Type.Boolean()), stop: Type.Optional(Type.Boolean()),
  conditions: Type.Array(Condition, { maxItems: 50 }), actions: Actions,
});
export const RulePatch = Type.Partial(RuleInput);
export const Rule = Type.Object({ id: Id, position: Type.Integer(), name: Type.String(), enabled: Type.Boolean(), stop: Type.Boolean(), conditions: Type.Array(Type.Any()), actions: Type.Any() });
export const RuleOrder = Type.Object({ ids: Type.Array(Id, { maxItems: 1000 }) });

export const PreviewInput = Type.Object({
  mentionId: Type.Optional(Id),
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })), sourceId: Type.Optional(Id), language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
  sentiment: Type.Optional(Type.Enum(['negative', 'neutral', 'positive'])), categoryId: Type.Optional(Id), urgency: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  placeSpokeId: Type.Optional(Id), authorFollowers: Type.Optional(Type.Integer({ minimum: 0 })), topicIds: Type.Optional(Ids),
}, { description: 'a stored mention (mentionId), or a text with what triage would have said of it' });

export const SlaPolicyInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  defaultFor: Type.Optional(Type.Union([Priority, Type.Null()])),
  firstResponseMinutes: Type.Integer({ minimum: 1, maximum: 525_600 }),
  nextResponseMinutes: Type.Integer({ minimum: 1, maximum: 525_600 }),
  resolutionMinutes: Type.Integer({ minimum: 1, maximum: 525_600 }),
  warnBeforeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  escalation: Type.Optional(Type.Array(Type.Enum(escalationSteps), { maxItems: 3, uniqueItems: true })),
  escalationIntervalMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
export const SlaPolicyPatch = Type.Partial(SlaPolicyInput);
export const SlaPolicy = Type.Object({
  id: Id, name: Type.String(), defaultFor: Type.Union([Priority, Type.Null()]), firstResponseMinutes: Type.Integer(), nextResponseMinutes: Type.Integer(),
  resolutionMinutes: Type.Integer(), warnBeforeMinutes: Type.Integer(), escalation: Type.Array(Type.Enum(escalationSteps)), escalationIntervalMinutes: Type.Integer(),
});

export const InboxQuery = Type.Object({
  view: Type.Enum(inboxViews, { default: 'mine' }), status: Type.Optional(Type.Enum(conversationStatuses)), spokeId: Type.Optional(Id),
  priority: Type.Optional(Priority), q: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })), sort: Type.Enum(['due', 'recent'], { default: 'due' }),
  cursor: Type.Optional(Type.String({ maxLength: 500 })), limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});
export const InboxItem = Type.Object({
  conversationId: Id, status: Type.Enum(conversationStatuses), priority: Priority, tags: Type.Array(Type.String()),
  spokeId: Nullable(Id), spokeName: Nullable(Type.String()), assigneeId: Nullable(Id), assigneeName: Nullable(Type.String()), escalationLevel: Type.Integer(),
  snoozedUntil: NullableTimestamp, firstResponseDueAt: NullableTimestamp, firstRespondedAt: NullableTimestamp, nextResponseDueAt: NullableTimestamp, resolutionDueAt: NullableTimestamp,
  dueAt: NullableTimestamp, lastCustomerAt: Timestamp, requireApproval: Type.Boolean(), noReplyNeeded: Type.Boolean(), mergedInto: Nullable(Id),
  headline: Type.Object({
    title: Nullable(Type.String()), text: Type.String(), authorHandle: Nullable(Type.String()), authorName: Nullable(Type.String()),
    authorFollowers: Type.Union([Type.Integer(), Type.Null()]), sourceName: Type.String(), sourceKind: Type.String(), url: Nullable(Type.String()), mentionCount: Type.Integer(),
  }),
});
export const InboxPage = Type.Object({ items: Type.Array(InboxItem), nextCursor: Nullable(Type.String()) });

export const AssignInput = Type.Object({ personId: Id, note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const TransferInput = Type.Object({ spokeId: Type.Optional(Id), personId: Type.Optional(Id), note: Type.String({ minLength: 1, maxLength: 2000 }) });
export const StatusInput = Type.Object({ status: Type.Enum(['waiting', 'resolved', 'open']) });
export const SnoozeInput = Type.Object({ until: Type.String({ format: 'date-time' }) });
export const MergeInput = Type.Object({ intoConversationId: Id });
export const EscalateInput = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) });
export const NoteInput = Type.Object({ text: Type.String({ minLength: 1, maxLength: 10_000 }), mentionPersonIds: Type.Array(Id, { maxItems: 20, default: [] }) });
export const ExpertInput = Type.Object({ skill: Type.String({ minLength: 1, maxLength: 100 }), question: Type.String({ minLength: 1, maxLength: 2000 }) });
export const BulkInput = Type.Object({
  conversationIds: Type.Array(Id, { minItems: 1, maxItems: 100 }), action: Type.Enum(['claim', 'resolve', 'waiting', 'assign', 'transfer']),
  personId: Type.Optional(Id), spokeId: Type.Optional(Id), note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const BulkReport = Type.Object({ results: Type.Array(Type.Object({
  conversationId: Id, ok: Type.Boolean(), error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
})) });

export type RuleInput = Static<typeof RuleInput>;
export type InboxQuery = Static<typeof InboxQuery>;
