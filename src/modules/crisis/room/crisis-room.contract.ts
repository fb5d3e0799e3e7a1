// The shapes of the crisis room's HTTP API (docs/crisis.md, "Crisis room"): opening and
// running a crisis, its timeline and notes, the volumes and mentions of its topics, its
// holding statements and its report.
import { Type } from 'typebox';
import { crisisSeverities, crisisStatuses, crisisTimelineKinds } from './crisis-room.schema.ts';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Severity = Type.Enum(crisisSeverities);
const Cursor = Type.Optional(Type.String({ maxLength: 500 }));
const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
const page = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: NullableString });

export const CrisisParams = Type.Object({ id: Id });

export const CrisisInput = Type.Object({
  title: Title,
  severity: Severity,
  topicIds: Type.Array(Id, { maxItems: 50, uniqueItems: true, default: [], description: 'the topics it covers: at least one, unless the alert it is opened from brings its topic' }),
  fromAlertId: Type.Optional(Type.String({ format: 'uuid', description: 'the alert it is opened from: its topic is added and the alert acknowledged' })),
  ownerId: Type.Optional(Type.String({ format: 'uuid', description: 'who runs it (default: you)' })),
  status: Type.Enum(['monitoring', 'active'], { default: 'active', description: 'active: its effects start at once (replies need approval, advocacy paused, routing to the crisis team)' }),
  crisisTeamSpokeId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'the spoke new conversations on its topics go to while it is active' })),
});

export const CrisisPatch = Type.Object({
  title: Type.Optional(Title),
  severity: Type.Optional(Severity),
  status: Type.Optional(Type.Enum(crisisStatuses, { description: 'any move but out of closed, which is final' })),
  ownerId: Type.Optional(Id),
  topicIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true })),
  crisisTeamSpokeId: Type.Optional(Type.Union([Id, Type.Null()])),
});

const summaryFields = {
  id: Id, title: Type.String(), severity: Severity, status: Type.Enum(crisisStatuses),
  ownerId: NullableString, ownerName: NullableString, topicIds: Type.Array(Type.String()), topicNames: Type.Array(Type.String()), openedAt: Timestamp, closedAt: NullableTimestamp,
};
export const CrisisSummary = Type.Object(summaryFields);
export const CrisisView = Type.Object({
  ...summaryFields,
  topics: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  crisisTeamSpokeId: NullableString, crisisTeamSpokeName: NullableString, openedFromAlertId: NullableString,
  effects: Type.Object({
    repliesNeedApproval: Type.Boolean({ description: 'every reply on its topics waits for approval (while it is active)' }),
    advocacyPaused: Type.Boolean({ description: 'nothing is shared (while it is active)' }),
    routedToSpokeId: Type.Union([Id, Type.Null()], { description: 'new conversations on its topics go to this spoke first' }),
  }),
});
export const CrisisListQuery = Type.Object({ status: Type.Optional(Type.Enum(crisisStatuses)), cursor: Cursor, limit: Limit });
export const CrisisPage = page(CrisisSummary);

export const TimelineEntry = Type.Object({
  id: Id, at: Timestamp, kind: Type.Enum(crisisTimelineKinds), text: Type.String(), actorName: NullableString,
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
export const TimelineQuery = Type.Object({ cursor: Cursor, limit: Limit });
export const TimelinePage = page(TimelineEntry);
export const NoteInput = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5_000, pattern: '\\S' }) });

export const SeriesQuery = Type.Object({ bucketMinutes: Type.Integer({ minimum: 1, maximum: 1_440, default: 5 }) });
export const Series = Type.Object({
  buckets: Type.Array(Type.Object({ at: Timestamp, mentions: Type.Integer(), negative: Type.Integer(), neutral: Type.Integer(), positive: Type.Integer() })),
});

export const CrisisMention = Type.Object({
  id: Id, conversationId: Id, authorName: NullableString, authorHandle: NullableString, authorFollowers: Type.Union([Type.Integer(), Type.Null()]),
  sourceName: Type.String(), title: NullableString, text: Type.String(), url: NullableString, postedAt: Timestamp,
  sentiment: Type.Union([Type.Enum(['negative', 'neutral', 'positive']), Type.Null()], { description: 'null until triage judged it' }),
});
export const MentionQuery = Type.Object({ cursor: Cursor, limit: Limit });
export const MentionPage = page(CrisisMention);

export const HoldingStatement = Type.Object({
  id: Id, title: Type.String(), text: Type.String(), language: NullableString, expiresAt: NullableTimestamp, expired: Type.Boolean(),
  topicIds: Type.Array(Type.String()), ownerName: NullableString, approvedByName: NullableString, createdAt: Timestamp,
});
export const HoldingStatementList = Type.Object({ items: Type.Array(HoldingStatement) });
export const HoldingStatementInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), text: Type.String({ minLength: 1, maxLength: 5_000, pattern: '\\S' }),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })), expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
});

export const ReportQuery = Type.Object({ format: Type.Enum(['html', 'markdown'], { default: 'html' }) });
