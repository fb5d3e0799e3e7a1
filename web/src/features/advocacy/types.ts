// The shapes of the advocacy API (src/modules/advocacy/advocacy.contract.ts and
// shares/advocacy-settings.ts, feeds/ and recognition/): stories and their review,
// shares and the composer's preview, the organization's advocacy settings, story feeds,
// points, badges, leaderboards and participation, and the words the UI shows for their
// closed sets of values.
import type { Finding } from '../../api/policy-findings.ts';

export const storyStatuses = ['suggested', 'draft', 'in_review', 'live', 'paused', 'expired', 'rejected'] as const;
export type StoryStatus = (typeof storyStatuses)[number];
export const storyStatusLabels: Record<StoryStatus, string> = {
  suggested: 'Suggested', draft: 'Draft', in_review: 'In review', live: 'Live', paused: 'Paused', expired: 'Expired', rejected: 'Rejected',
};
/** Waiting for a decision: approve (it goes live) or reject. */
export const reviewableStatuses: readonly StoryStatus[] = ['suggested', 'draft', 'in_review'];

export type StoryOrigin = 'hub' | 'spoke' | 'feed' | 'employee';
export const storyOriginLabels: Record<StoryOrigin, string> = { hub: 'From the hub', spoke: 'From a spoke', feed: 'From a feed', employee: 'Suggested by a colleague' };

/** What a story's page says about itself (Open Graph, oEmbed). */
export interface StoryMetadata {
  url: string;
  title: string;
  summary: string;
  imageUrl: string | null;
  siteName: string | null;
}

/** What a story asks of people, and of whom and when: its talking points, hashtags, audience, dates and who looks after it. */
export interface StoryPlan {
  talkingPoints: string[];
  hashtags: string[];
  audienceSpokeIds: string[];
  audienceSkills: string[];
  audienceLanguages: string[];
  startsAt: string | null;
  endsAt: string | null;
  /** The spoke whose lead looks after it; null: the hub. */
  spokeId: string | null;
}

export interface Story extends StoryMetadata, StoryPlan {
  id: string;
  status: StoryStatus;
  origin: StoryOrigin;
  expired: boolean;
  createdBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a story's form sends (create: with `url`; change: without it and without `status`). */
export interface StoryFields extends StoryPlan {
  title?: string;
  summary?: string;
  imageUrl?: string | null;
}

export type NewStoryStatus = 'live' | 'draft' | 'in_review';
export const newStoryStatusLabels: Record<NewStoryStatus, string> = { live: 'Live now', draft: 'Draft (only reviewers see it)', in_review: 'In review' };

export interface NewStory extends StoryFields {
  url: string;
  status?: NewStoryStatus;
}

export interface StoryFilters {
  status?: StoryStatus;
}

export const shareNetworks = ['linkedin', 'x', 'facebook', 'email', 'bluesky', 'mastodon'] as const;
export type ShareNetwork = (typeof shareNetworks)[number];
export const shareNetworkLabels: Record<ShareNetwork, string> = {
  linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook', email: 'E-mail', bluesky: 'Bluesky', mastodon: 'Mastodon',
};
export const networkLabel = (network: string) => shareNetworkLabels[network as ShareNetwork] ?? network;

export const shareStatuses = ['scheduled', 'publishing', 'published', 'opened', 'failed', 'cancelled'] as const;
export type ShareStatus = (typeof shareStatuses)[number];
export const shareStatusLabels: Record<ShareStatus, string> = {
  scheduled: 'Scheduled', publishing: 'Publishing', published: 'Published', opened: 'Ready to post', failed: 'Failed', cancelled: 'Cancelled',
};

export interface ShareInput {
  storyId: string;
  network: ShareNetwork;
  text: string;
  /** "YYYY-MM-DDTHH:MM" in the person's time zone (as Herd knows it). */
  scheduledFor?: string;
  mastodonInstance?: string;
  /** One of the person's accounts on this network: a connected one publishes the share, any counts its followers as reach. */
  accountId?: string;
}

export const refusalCodes = ['policy', 'paused', 'story_not_live', 'person_cap', 'story_cap', 'outside_sharing_hours', 'identical_text'] as const;
export interface Refusal {
  code: (typeof refusalCodes)[number];
  message: string;
}

export interface SharePreview {
  /** What will go out: the person's words, the disclosure if added, the short link (a stand-in until it is made). */
  text: string;
  findings: Finding[];
  /** Advice that does not refuse the share ("make it personal"). */
  nudges: Finding[];
  disclosureAdded: string | null;
  policyVersion: number;
  scheduledFor: string | null;
  mayShare: boolean;
  whyNot: Refusal[];
}

export interface Share {
  id: string;
  storyId: string;
  storyTitle: string;
  network: string;
  /** The text to copy. */
  text: string;
  status: ShareStatus;
  scheduledFor: string | null;
  shortUrl: string;
  /** The network's compose link (Mastodon's only when the share is made). */
  intentUrl: string | null;
  /** account: Herd publishes it through the person's connected account; intent: they post it through the compose link. */
  publishedVia: 'account' | 'intent';
  accountId: string | null;
  /** Followers of the account shared to, at share time. */
  reach: number;
  publishAttempts: number;
  /** The post on the network: Herd's, or the address the person gave when confirming. */
  publishedUrl: string | null;
  publishedAt: string | null;
  policyVersion: number;
  lastError: string | null;
  createdAt: string;
}

/** Accounts on these networks are declared (handle and followers, the person's word); Herd publishes through connected ones. */
export const declaredNetworks = ['linkedin', 'x', 'facebook', 'email'] as const;
export type DeclaredNetwork = (typeof declaredNetworks)[number];
export const connectedNetworks = ['mastodon', 'bluesky'] as const;
export type ConnectedNetwork = (typeof connectedNetworks)[number];

/** One of the person's own accounts (src/modules/advocacy/accounts/account.contract.ts); credentials never come back. */
export interface Account {
  id: string;
  network: ShareNetwork;
  handle: string;
  /** The Mastodon server or the Bluesky host; none for declared accounts. */
  serverUrl: string | null;
  externalId: string | null;
  followers: number;
  followersCheckedAt: string | null;
  /** Herd holds a credential and publishes shares through it. */
  connected: boolean;
  /** Why the last check or post through it failed. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AccountInput =
  | { network: DeclaredNetwork; handle: string; followers: number }
  | { network: 'mastodon'; instanceUrl: string; accessToken: string }
  | { network: 'bluesky'; handle: string; appPassword: string; pdsUrl?: string };

/** A declared account: handle and followers; a connected one: a new access token (Mastodon) or app password (Bluesky). */
export interface AccountPatch {
  handle?: string;
  followers?: number;
  accessToken?: string;
  appPassword?: string;
}

export interface CreatedShare {
  share: Share;
  findings: Finding[];
  nudges: Finding[];
  disclosureAdded: string | null;
}

export const pointActions = ['share', 'click', 'story_approved', 'helpful_answer'] as const;
export type PointAction = (typeof pointActions)[number];
export const pointActionLabels: Record<PointAction, string> = {
  share: 'Sharing a story', click: 'A click earned', story_approved: 'A suggested story approved', helpful_answer: 'A helpful answer',
};

export interface AdvocacySettings {
  points: Record<PointAction, number>;
  leaderboards: boolean;
  earnedMediaValue: { costPerClick: number; costPerThousandImpressions: number; currency: string };
  publicVoice: { enabled: boolean; title: string };
  maxSharesPerPersonPerDay: number;
  maxSharesPerStoryPerHour: number;
  /** Local "HH:MM" in the sharer's time zone; equal: all day. */
  sharingHours: { start: string; end: string };
  identicalTextWindowMinutes: number;
  paused: boolean;
  pausedReason: string | null;
}

export interface SpokeChoice {
  id: string;
  name: string;
}

/** A company feed (RSS, Atom, JSON Feed) whose new items become stories (src/modules/advocacy/feeds/story-feed.contract.ts). */
export interface StoryFeed {
  id: string;
  url: string;
  /** Empty: the feed's own title is used for its stories' site. */
  title: string;
  /** The spoke whose leads review its stories; null: the hub. */
  spokeId: string | null;
  /** New items go live at once instead of waiting in review. */
  autoApprove: boolean;
  enabled: boolean;
  /** The last successful read. */
  lastPolledAt: string | null;
  nextPollAt: string;
  /** Failed reads since the last good one; polling backs off with each. */
  consecutiveFailures: number;
  lastError: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A feed as people know it: its own title, else its address. */
export const storyFeedName = (feed: Pick<StoryFeed, 'title' | 'url'>) => feed.title || feed.url;

export interface StoryFeedSettings {
  title: string;
  spokeId: string | null;
  autoApprove: boolean;
  enabled: boolean;
}

export interface NewStoryFeed extends Partial<StoryFeedSettings> {
  url: string;
}

/** What "Poll now" found. */
export interface StoryFeedPollResult {
  feed: StoryFeed;
  newStories: number;
  alreadyKnown: number;
  /** Items without a link or date, older than the poll looks, beyond its limit, or unreadable. */
  leftOut: number;
  notModified: boolean;
  /** Why the feed could not be read. */
  error: string | null;
}

/** Recognition's periods: UTC days, weeks from Monday (src/modules/advocacy/recognition/periods.ts). */
export const periodNames = ['week', 'month', 'all'] as const;
export type PeriodName = (typeof periodNames)[number];
export const periodLabels: Record<PeriodName, string> = { week: 'This week', month: 'This month', all: 'All time' };

/** A period as asked: a named one, or days from and to (YYYY-MM-DD, both included; either may be left open). */
export type PeriodQuery = { period: PeriodName } | { from?: string; to?: string };

export interface PeriodView {
  name: PeriodName | 'custom';
  from: string | null;
  /** Excluded; null: up to now. */
  to: string | null;
}

export interface SpokeRef {
  id: string;
  name: string;
}

export interface LeaderboardEntry {
  rank: number;
  personId: string;
  name: string;
  spokes: SpokeRef[];
  points: number;
  /** Badges held, all time. */
  badges: number;
}

export interface Leaderboard {
  period: PeriodView;
  spoke: SpokeRef | null;
  items: LeaderboardEntry[];
  /** People with points in the period. */
  ranked: number;
  myRank: number | null;
}

export interface BadgeInfo {
  id: string;
  name: string;
  /** What earns it, in words. */
  earnedBy: string;
}

export interface MyRecognition {
  /** All time. */
  points: number;
  byAction: { action: PointAction; points: number }[];
  stats: { shares: number; networks: number; clicks: number; storiesApproved: number; helpfulAnswers: number };
  badges: (BadgeInfo & { awardedAt: string })[];
  toEarn: BadgeInfo[];
  leaderboards: boolean;
  /** Overall rank per period; null while leaderboards are off. */
  rank: Record<PeriodName, number | null> | null;
}

export interface ParticipationCounts {
  members: number;
  /** Members who shared at least once. */
  sharers: number;
  /** Members with a reply to a customer published. */
  answerers: number;
  /** Members who did either. */
  participants: number;
  /** Participants ÷ members, 0 to 1. */
  participation: number;
  shares: number;
}

export interface Participation {
  period: PeriodView;
  items: (ParticipationCounts & { spokeId: string; name: string; kind: string })[];
  /** Each person once, whatever their spokes. */
  totals: ParticipationCounts;
}

/** Earned media value with the sum that gave it, e.g. "120 × 0.80 + 45,000 ÷ 1000 × 6.00 = 366.00 EUR" (src/modules/advocacy/measurement/). */
export interface EarnedMediaValue {
  value: number;
  currency: string;
  expression: string;
}

/** Numbers of the shares that went out in a range of UTC days; clicks are those they earned up to its last day. */
export interface MeasuredNumbers {
  shares: number;
  clicks: number;
  /** Distinct visitors per day, summed over days. */
  uniqueClicks: number;
  /** Potential reach: followers of the accounts shared to, at share time. */
  reach: number;
  earnedMediaValue: EarnedMediaValue;
}

/** What every measurement answer says about itself: its days, whose shares, and how the value is reckoned. */
export interface MeasurementHeader {
  from: string;
  to: string;
  /** Null: everyone's shares. */
  spokeIds: string[] | null;
  earnedMediaValueFormula: { formula: string; rates: AdvocacySettings['earnedMediaValue'] };
}

export interface MeasurementDay {
  day: string;
  shares: number;
  clicks: number;
  uniqueClicks: number;
  reach: number;
}

export interface MeasurementSummary extends MeasurementHeader {
  totals: MeasuredNumbers & { sharers: number; stories: number };
  /** Every day of the range. */
  days: MeasurementDay[];
}

export interface StoryMeasurement extends MeasuredNumbers { storyId: string; title: string; url: string; status: string; spokeId: string | null; sharers: number }
export interface PersonMeasurement extends MeasuredNumbers { personId: string; name: string; stories: number }
export interface SpokeMeasurement extends MeasuredNumbers { spokeId: string; name: string; sharers: number }
export interface ShareMeasurement extends MeasuredNumbers {
  shareId: string; storyId: string; storyTitle: string; personId: string; personName: string;
  network: string; status: string; sharedAt: string; shortUrl: string;
}

/** The measurement tables, each its own route under /api/advocacy/measurement/, and the row each answers. */
export interface MeasurementRows {
  stories: StoryMeasurement;
  people: PersonMeasurement;
  spokes: SpokeMeasurement;
  shares: ShareMeasurement;
}
export type MeasurementTable = keyof MeasurementRows;
export const measurementTables: readonly MeasurementTable[] = ['stories', 'people', 'spokes', 'shares'];

export interface MeasurementPage<Row> extends MeasurementHeader {
  items: Row[];
  /** Rows in all pages. */
  total: number;
  nextOffset: number | null;
}

/** The sort keys the server knows, largest (or latest) first; `sharedAt` only for shares. */
export const measurementSorts = ['clicks', 'uniqueClicks', 'shares', 'reach', 'earnedMediaValue', 'sharedAt'] as const;
export type MeasurementSort = (typeof measurementSorts)[number];
export const measurementSortLabels: Record<MeasurementSort, string> = {
  clicks: 'Clicks', uniqueClicks: 'Unique clicks', shares: 'Shares', reach: 'Reach', earnedMediaValue: 'Earned media value', sharedAt: 'Newest first',
};

export interface MeasurementQuery {
  from: string;
  to: string;
  spokeId?: string;
  storyId?: string;
}

export interface MeasurementTableQuery extends MeasurementQuery {
  sort: MeasurementSort;
  limit: number;
  offset: number;
  /** Shares only. */
  personId?: string;
}

/** A person's own numbers, with their shares that earned the most clicks. */
export interface MyImpact extends MeasurementSummary {
  topShares: ShareMeasurement[];
}
