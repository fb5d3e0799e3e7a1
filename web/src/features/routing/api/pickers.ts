// What rules refer to, to pick from by name: spokes, people, categories, sources, topics,
// and recent mentions for the preview.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { Named, RecentMention } from '../types.ts';
import { routingKeys } from './routing-keys.ts';

const everything = (path: string) => () => fetchAllPages((cursor) => api.get<Page<Named>>(path, { cursor, limit: 200 }));
const staleTime = 60_000;

export const usePickSpokes = () => useQuery({ queryKey: routingKeys.spokes, queryFn: everything('/spokes'), staleTime });
export const usePickPeople = () => useQuery({ queryKey: routingKeys.people, queryFn: everything('/people'), staleTime });
export const usePickSources = () => useQuery({ queryKey: routingKeys.sources, queryFn: () => fetchAllPages((cursor) => api.get<Page<Named>>('/sources', { cursor })), staleTime });
export const usePickTopics = () => useQuery({ queryKey: routingKeys.topics, queryFn: () => fetchAllPages((cursor) => api.get<Page<Named>>('/topics', { cursor })), staleTime });
export const usePickCategories = () =>
  useQuery({ queryKey: routingKeys.categories, queryFn: () => api.get<{ items: Named[] }>('/categories'), select: (data) => data.items, staleTime });
export const useRecentMentions = () =>
  useQuery({ queryKey: routingKeys.mentions, queryFn: () => api.get<Page<RecentMention>>('/mentions', { limit: 20 }), select: (data) => data.items });
