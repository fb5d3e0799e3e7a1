// The shapes of the respond module's HTTP API: checking and sending replies, the
// approval queue and decisions, the policy and its versions, the reply settings, and
// the library of saved replies and holding statements.
import { Type } from 'typebox';
import { libraryKinds, replyStatuses, reviewDecisions, riskTiers } from './respond.schema.ts';
import { severities } from './policy/policy-rule.ts';
import { RiskSettingsSchema } from './risk/risk-settings.ts';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Span = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) });
const ReplyText = Type.String({ minLength: 1, maxLength: 20_000 });

export const Finding = Type.Object({
  ruleId: Type.String(), kind: Type.String(), severity: Type.Enum(severities), span: Type.Union([Span, Type.Null()]),
  match: Type.Optional(Type.String()), message: Type.String(), fix: Type.String(),
  replacement: Type.Optional(Type.Object({ span: Type.Union([Span, Type.Null()]), text: Type.String() })),
});

export const Judgement = Type.Object({
  network: Type.String(), policyVersion: Type.Integer(),
  measure: Type.Object({ network: Type.String(), length: Type.Integer(), maxLength: Type.Union([Type.Integer(), Type.Null()]), unit: Type.String(), links: Type.Integer(), mentions: Type.Integer() }),
  findings: Type.Array(Finding), worst: Type.Union([Type.Enum(severities), Type.Null()]), blocked: Type.Boolean(),
  risk: Type.Object({ tier: Type.Enum(riskTiers), reasons: Type.Array(Type.String()) }),
  permission: Type.Object({ allowed: Type.Boolean(), missing: Type.Array(Type.String()), acknowledgePolicyVersion: Type.Union([Type.Integer(), Type.Null()]) }),
  publishing: Type.Enum(['api', 'copy_and_open']),
});

const Review = Type.Object({
  id: Type.Integer(), reviewerId: NullableString, reviewerName: NullableString, decision: Type.Enum(reviewDecisions),
  comment: Type.String(), span: Type.Union([Span, Type.Null()]), reviewedText: Type.String(), at: Timestamp,
});

export const Reply = Type.Object({
  id: Id, conversationId: Id, inReplyToMentionId: Id, authorId: Id, authorName: Type.String(), text: Type.String(), network: Type.String(),
  status: Type.Enum(replyStatuses), riskTier: Type.Enum(riskTiers), riskReasons: Type.Array(Type.String()), policyVersion: Type.Integer(),
  findings: Type.Array(Finding), startedFrom: NullableString, customerLastSeenAt: Timestamp,
  approvedBy: NullableString, approvedByName: NullableString, approvedAt: NullableTimestamp,
  publishAttempts: Type.Integer(), lastError: NullableString, nextAttemptAt: NullableTimestamp,
  publishedExternalId: NullableString, publishedUrl: NullableString, publishedAt: NullableTimestamp,
  createdAt: Timestamp, updatedAt: Timestamp, reviews: Type.Array(Review),
});

export const DraftInput = Type.Object({ text: Type.String({ maxLength: 20_000 }), inReplyToMentionId: Type.Optional(Id) });
export const ReplyInput = Type.Object({ text: ReplyText, inReplyToMentionId: Type.Optional(Id), startedFrom: Type.Optional(Id) });
export const ReviseInput = Type.Object({ text: ReplyText });
export const ReviewInput = Type.Object({
  decision: Type.Enum(reviewDecisions), comment: Type.Optional(Type.String({ maxLength: 2_000 })),
  span: Type.Optional(Span),
});
export const SentByHandInput = Type.Object({ url: Type.Optional(Type.String({ format: 'uri', maxLength: 2048 })) });
export const SubmittedReply = Type.Object({ reply: Reply, judgement: Judgement });
export const ApprovalQueueQuery = Type.Object({
  status: Type.Optional(Type.Enum(replyStatuses)), limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }), cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export const ReplyPage = Type.Object({ items: Type.Array(Reply), nextCursor: NullableString });

export const Policy = Type.Object({ version: Type.Integer(), rules: Type.Array(Type.Any()), note: Type.String(), createdAt: NullableTimestamp, acknowledgedVersion: Type.Union([Type.Integer(), Type.Null()]) });
export const PolicyInput = Type.Object({ rules: Type.Array(Type.Any(), { maxItems: 500, description: 'the rules; validated with their kinds, see docs/replying.md' }), note: Type.Optional(Type.String({ maxLength: 500 })) });
export const PolicyVersions = Type.Object({ items: Type.Array(Type.Object({ version: Type.Integer(), note: Type.String(), createdBy: NullableString, createdAt: Timestamp })) });
export const AcknowledgeInput = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export const RiskSettings = RiskSettingsSchema;
export const RiskSettingsPatch = Type.Partial(RiskSettingsSchema);

const Future = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
export const LibraryEntryInput = Type.Object({
  kind: Type.Enum(libraryKinds), title: Type.String({ minLength: 1, maxLength: 200 }), text: Type.String({ minLength: 1, maxLength: 5_000 }),
  spokeId: Type.Optional(Type.Union([Id, Type.Null()])), topicIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  language: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z]{2}$' }), Type.Null()])), expiresAt: Type.Optional(Future),
});
export const LibraryEntryPatch = Type.Partial(Type.Omit(LibraryEntryInput, ['kind']));
export const LibraryEntry = Type.Object({
  id: Id, kind: Type.Enum(libraryKinds), title: Type.String(), text: Type.String(), ownerId: NullableString, ownerName: NullableString,
  spokeId: NullableString, topicIds: Type.Array(Type.String()), language: NullableString, expiresAt: NullableTimestamp, expired: Type.Boolean(),
  approvedBy: NullableString, approvedByName: NullableString, approvedAt: NullableTimestamp, createdAt: Timestamp, updatedAt: Timestamp,
});
export const LibraryQuery = Type.Object({ kind: Type.Optional(Type.Enum(libraryKinds)), includeExpired: Type.Optional(Type.Boolean()), spokeId: Type.Optional(Id) });
