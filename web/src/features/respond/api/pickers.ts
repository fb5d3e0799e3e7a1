// What the reply settings pick from by name: topics and triage's categories.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import { respondKeys } from './respond-keys.ts';

interface Named { id: string; name: string }
const staleTime = 60_000;

export const useTopicChoices = () =>
  useQuery({ queryKey: respondKeys.topics, queryFn: () => fetchAllPages((cursor) => api.get<Page<Named>>('/topics', { cursor })), staleTime });
export const useCategoryChoices = () =>
  useQuery({ queryKey: respondKeys.categories, queryFn: () => api.get<{ items: Named[] }>('/categories'), select: (data) => data.items, staleTime });
