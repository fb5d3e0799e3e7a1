import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions, fetchAllPages } from '../../../api/cursor-list.ts';
import type { Topic } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

// The server answers every topic at once today; following `nextCursor` keeps working if it starts paging.
export const listTopics = (cursor: string | null) => api.get<Page<Topic>>('/topics', { cursor });

export const useTopics = () => useInfiniteQuery(cursorListOptions(listeningKeys.topicList, listTopics));

/** Every topic, for filters and for naming the topics of a mention. */
export const useAllTopics = () =>
  useQuery({ queryKey: listeningKeys.allTopics, queryFn: () => fetchAllPages(listTopics) });
