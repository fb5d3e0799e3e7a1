// Cache keys of the listening section, so a change refreshes exactly what it touched.
import type { MentionFilters } from '../types.ts';

export const listeningKeys = {
  connectors: ['listening', 'connectors'] as const,
  sources: ['listening', 'sources'] as const,
  sourceList: ['listening', 'sources', 'list'] as const,
  allSources: ['listening', 'sources', 'all'] as const,
  topics: ['listening', 'topics'] as const,
  topicList: ['listening', 'topics', 'list'] as const,
  allTopics: ['listening', 'topics', 'all'] as const,
  queryTest: (query: string) => ['listening', 'query-test', query] as const,
  mentions: (filters: MentionFilters) => ['listening', 'mentions', filters] as const,
  latestMentions: (filters: MentionFilters) => ['listening', 'mentions', filters, 'latest'] as const,
};
