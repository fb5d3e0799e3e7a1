// The shapes of the listening module's HTTP API.
import { Type, type Static } from 'typebox';
import { sourceMatchModes, sourceStatuses } from './listening.schema.ts';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

export const SourceInput = Type.Object({
  kind: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  config: Type.Record(Type.String(), Type.Unknown()),
  matchMode: Type.Optional(Type.Enum(sourceMatchModes)),
});
export const SourcePatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  status: Type.Optional(Type.Enum(sourceStatuses)),
  matchMode: Type.Optional(Type.Enum(sourceMatchModes)),
});
export const Source = Type.Object({
  id: Id, kind: Type.String(), name: Type.String(), config: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Enum(sourceStatuses), matchMode: Type.Enum(sourceMatchModes),
  health: Type.Object({
    lastPolledAt: NullableTimestamp, lastSuccessAt: NullableTimestamp, lastError: NullableString, lastWarning: NullableString,
    consecutiveFailures: Type.Integer(), nextPollAt: Timestamp,
  }),
  mentionsPerDay: Type.Optional(Type.Array(Type.Object({ day: Type.String(), count: Type.Integer() }))),
  createdAt: Timestamp, updatedAt: Timestamp,
});
export const ConnectorInfo = Type.Object({
  kind: Type.String(), displayName: Type.String(), capabilities: Type.Array(Type.String()), configSchema: Type.Unknown(),
});

export const TopicInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  query: Type.String({ minLength: 1, maxLength: 5000 }),
  active: Type.Optional(Type.Boolean()),
});
export const TopicPatch = Type.Partial(TopicInput);
export const Topic = Type.Object({ id: Id, name: Type.String(), query: Type.String(), active: Type.Boolean(), createdAt: Timestamp, updatedAt: Timestamp });

export const Mention = Type.Object({
  id: Id, sourceId: Id, sourceName: Type.String(), sourceKind: Type.String(), externalId: Type.String(), conversationId: Id,
  inReplyToExternalId: NullableString, authorHandle: NullableString, authorName: NullableString, authorFollowers: NullableInteger,
  authorProfileUrl: NullableString, title: NullableString, text: Type.String(), url: NullableString, site: NullableString,
  language: NullableString, postedAt: Timestamp, receivedAt: Timestamp, topicIds: Type.Array(Id),
});
export const MentionQuery = Type.Object({
  topicId: Type.Optional(Id), sourceId: Type.Optional(Id), language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
  from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const QueryTestInput = Type.Object({ query: Type.String({ minLength: 1, maxLength: 5000 }), sample: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }) });

const FieldProblem = Type.Object({ field: Type.String(), message: Type.String() });
export const WebhookReport = Type.Object({
  stored: Type.Integer(), duplicates: Type.Integer(), ignored: Type.Integer(),
  invalid: Type.Array(Type.Object({ index: Type.Integer(), problems: Type.Array(FieldProblem) })),
});
export const WebhookHeaders = Type.Object({
  'x-herd-timestamp': Type.Optional(Type.String({ maxLength: 20 })),
  'x-herd-signature': Type.Optional(Type.String({ maxLength: 200 })),
});

export const ImportQuery = Type.Object({
  map: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20, description: 'column=field pairs, e.g. map=Review=text' })),
});
export const ImportSummary = Type.Object({
  rows: Type.Integer(), stored: Type.Integer(), duplicates: Type.Integer(), ignored: Type.Integer(), invalid: Type.Integer(),
  invalidRows: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
});

export type SourceInput = Static<typeof SourceInput>;
export type SourcePatch = Static<typeof SourcePatch>;
export type TopicInput = Static<typeof TopicInput>;
export type MentionQuery = Static<typeof MentionQuery>;
