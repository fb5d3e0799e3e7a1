// The shapes of the story feeds API: adding, changing and listing the company feeds
// stories come from, and what a "poll now" found.
import { Type } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);

const feedSettings = {
  title: Type.String({ maxLength: 200, description: 'empty: the title the feed gives itself' }),
  spokeId: Type.Union([Id, Type.Null()], { description: 'the spoke whose leads review its stories; null: the hub' }),
  autoApprove: Type.Boolean({ description: 'new items go live at once instead of waiting in review' }),
  enabled: Type.Boolean(),
};

export const StoryFeedInput = Type.Object({
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'an RSS, Atom or JSON Feed address' }),
  ...Type.Partial(Type.Object(feedSettings)).properties,
});
export const StoryFeedPatch = Type.Partial(Type.Object(feedSettings), { minProperties: 1 });

export const StoryFeed = Type.Object({
  id: Id, url: Type.String(), title: Type.String(), spokeId: NullableString, autoApprove: Type.Boolean(), enabled: Type.Boolean(),
  lastPolledAt: Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time', description: 'the last successful read' }),
  nextPollAt: Timestamp,
  consecutiveFailures: Type.Integer({ description: 'failed reads since the last successful one; polling backs off with each' }),
  lastError: NullableString,
  createdBy: NullableString, createdAt: Timestamp, updatedAt: Timestamp,
});
export const StoryFeedList = Type.Object({ items: Type.Array(StoryFeed) });

export const StoryFeedPollResult = Type.Object({
  feed: StoryFeed,
  newStories: Type.Integer({ description: 'stories made from new items (live when the feed auto-approves, else in review)' }),
  alreadyKnown: Type.Integer({ description: 'items that are stories already' }),
  leftOut: Type.Integer({ description: 'items without a link or date, older than the poll looks, beyond its limit, or unreadable' }),
  notModified: Type.Boolean({ description: 'the feed had not changed since the last read' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'why the feed could not be read; polling backs off' }),
});
