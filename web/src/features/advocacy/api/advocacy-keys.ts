// Cache keys of the advocacy section, so a change refreshes exactly what it touched:
// a story's review refreshes the lists and the feed, a share the list of my shares.
import type { MeasurementQuery, MeasurementTable, MeasurementTableQuery, PeriodQuery, ShareInput, StoryFilters } from '../types.ts';

export const advocacyKeys = {
  feed: ['advocacy', 'feed'] as const,
  settings: ['advocacy', 'settings'] as const,
  stories: ['advocacy', 'stories'] as const,
  storyList: (filters: StoryFilters) => ['advocacy', 'stories', 'list', filters] as const,
  story: (storyId: string) => ['advocacy', 'stories', 'one', storyId] as const,
  sharePreview: (input: ShareInput) => ['advocacy', 'share-preview', input] as const,
  myShares: ['advocacy', 'shares', 'mine'] as const,
  /** One share followed while Herd publishes it (under myShares: refreshing those refreshes it). */
  watchedShare: (shareId: string) => ['advocacy', 'shares', 'mine', 'watch', shareId] as const,
  accounts: ['advocacy', 'accounts'] as const,
  spokes: ['advocacy', 'spokes'] as const,
  timeZone: (personId: string) => ['advocacy', 'time-zone', personId] as const,
  storyFeeds: ['advocacy', 'story-feeds'] as const,
  /** Everything points change: leaderboards, my recognition, participation. */
  recognition: ['advocacy', 'recognition'] as const,
  leaderboard: (query: PeriodQuery & { spokeId?: string; limit: number }) => ['advocacy', 'recognition', 'leaderboard', query] as const,
  myRecognition: ['advocacy', 'recognition', 'mine'] as const,
  participation: (query: PeriodQuery) => ['advocacy', 'recognition', 'participation', query] as const,
  /** Everything the rates of earned media value change: the impact numbers and my impact. */
  measurement: ['advocacy', 'measurement'] as const,
  measurementSummary: (query: MeasurementQuery) => ['advocacy', 'measurement', 'summary', query] as const,
  measurementTable: (table: MeasurementTable, query: MeasurementTableQuery) => ['advocacy', 'measurement', table, query] as const,
  myImpact: (query: { from?: string; to?: string }) => ['advocacy', 'measurement', 'mine', query] as const,
};
