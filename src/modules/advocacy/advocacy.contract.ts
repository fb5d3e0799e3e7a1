// The shapes of the advocacy module's HTTP API for stories and shares: stories and
// their review, a volunteer's feed, the organization's advocacy settings, and
// sharing (preview, share, my shares).
import { Type } from 'typebox';
import { shareStatuses, storyOrigins, storyStatuses } from './advocacy.schema.ts';
import { FindingSchema as Finding } from '../respond/index.ts';
import { shareNetworks } from './shares/intent-links.ts';
import { shareRefusals } from './shares/share-guards.ts';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const HttpUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048 });

export const StoryMetadataInput = Type.Object({ url: HttpUrl });
export const StoryMetadata = Type.Object({ url: Type.String(), title: Type.String(), summary: Type.String(), imageUrl: NullableString, siteName: NullableString });

const storyFields = {
  title: Type.String({ minLength: 1, maxLength: 500, description: 'overrides the page\'s own title' }),
  summary: Type.String({ maxLength: 2000 }),
  imageUrl: Type.Union([HttpUrl, Type.Null()]),
  talkingPoints: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 20, description: 'points to make, never a script' }),
  hashtags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }),
  audienceSpokeIds: Type.Array(Id, { maxItems: 500, description: 'empty: every spoke' }),
  audienceSkills: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, description: 'empty: any skill' }),
  audienceLanguages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 50, description: 'empty: any language' }),
  startsAt: NullableDateTime,
  endsAt: NullableDateTime,
  spokeId: Type.Union([Id, Type.Null()], { description: 'the spoke whose lead looks after the story; null: the hub' }),
};
export const StoryInput = Type.Object({
  url: HttpUrl,
  ...Type.Partial(Type.Object(storyFields)).properties,
  status: Type.Optional(Type.Enum(['live', 'draft', 'in_review'], { description: 'for reviewers; everyone else\'s story is a suggestion' })),
});
export const StoryPatch = Type.Partial(Type.Object(storyFields));
export const StoryReviewInput = Type.Object({ decision: Type.Enum(['approve', 'reject']), note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const StoryPauseInput = Type.Object({ paused: Type.Boolean() });
export const StoryListQuery = Type.Object({
  status: Type.Optional(Type.Enum([...storyStatuses])), origin: Type.Optional(Type.Enum([...storyOrigins])), spokeId: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }), cursor: Type.Optional(Type.String({ maxLength: 500 })),
});

export const Story = Type.Object({
  id: Id, url: Type.String(), title: Type.String(), summary: Type.String(), imageUrl: NullableString, siteName: NullableString,
  talkingPoints: Type.Array(Type.String()), hashtags: Type.Array(Type.String()),
  audienceSpokeIds: Type.Array(Type.String()), audienceSkills: Type.Array(Type.String()), audienceLanguages: Type.Array(Type.String()),
  startsAt: NullableTimestamp, endsAt: NullableTimestamp, status: Type.Enum([...storyStatuses]), origin: Type.Enum([...storyOrigins]),
  expired: Type.Boolean(), spokeId: NullableString, createdBy: NullableString, reviewedBy: NullableString, reviewedAt: NullableTimestamp, reviewNote: NullableString,
  createdAt: Timestamp, updatedAt: Timestamp,
});
export const StoryPage = Type.Object({ items: Type.Array(Story), nextCursor: NullableString });

export const ShareInput = Type.Object({
  storyId: Id,
  network: Type.Enum([...shareNetworks]),
  text: Type.String({ minLength: 1, maxLength: 10_000 }),
  scheduledFor: Type.Optional(Type.String({ maxLength: 40, description: '"YYYY-MM-DDTHH:MM" in your time zone, or an instant with Z or an offset' })),
  mastodonInstance: Type.Optional(Type.String({ maxLength: 253, description: 'your Mastodon server, e.g. mastodon.social (for its compose link, when no account is named)' })),
  accountId: Type.Optional(Type.String({ format: 'uuid', description: 'one of your accounts on this network: a connected Mastodon or Bluesky account publishes the share; any gives its followers as the share\'s reach' })),
});
const Refusal = Type.Object({ code: Type.Enum(['policy', ...shareRefusals]), message: Type.String() });
export const SharePreview = Type.Object({
  text: Type.String({ description: 'what will go out, with the disclosure and the short link (a stand-in until it is made)' }),
  findings: Type.Array(Finding), nudges: Type.Array(Finding), disclosureAdded: NullableString, policyVersion: Type.Integer(),
  scheduledFor: NullableTimestamp, mayShare: Type.Boolean(), whyNot: Type.Array(Refusal),
});
export const Share = Type.Object({
  id: Id, storyId: Id, storyTitle: Type.String(), network: Type.String(), text: Type.String({ description: 'the text to copy' }), status: Type.Enum([...shareStatuses]),
  scheduledFor: NullableTimestamp, shortUrl: Type.String(),
  publishedVia: Type.Enum(['account', 'intent'], { description: 'account: Herd publishes it through your connected account; intent: you do, through the compose link' }),
  intentUrl: Type.Union([Type.String(), Type.Null()], { description: 'the network\'s compose link (Mastodon\'s only when made; none when published through an account)' }),
  accountId: NullableString, reach: Type.Integer({ description: 'followers of the account shared to, at share time' }), publishAttempts: Type.Integer(),
  publishedUrl: NullableString, publishedAt: NullableTimestamp,
  policyVersion: Type.Integer(), lastError: NullableString, createdAt: Timestamp,
});
export const ShareConfirmInput = Type.Object({ publishedUrl: Type.Optional(Type.String({ maxLength: 2048, pattern: '^https?://', description: 'the address of your post, if you have it' })) });
export const CreatedShare = Type.Object({ share: Share, findings: Type.Array(Finding), nudges: Type.Array(Finding), disclosureAdded: NullableString });
export const SharePageQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }), cursor: Type.Optional(Type.String({ maxLength: 500 })) });
export const SharePage = Type.Object({ items: Type.Array(Share), nextCursor: NullableString });
