import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions, fetchAllPages } from '../../../api/cursor-list.ts';
import type { Source } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

// The server answers every source at once today; following `nextCursor` keeps working if it starts paging.
export const listSources = (cursor: string | null) => api.get<Page<Source>>('/sources', { cursor });

export const useSources = () => useInfiniteQuery(cursorListOptions(listeningKeys.sourceList, listSources));

/** Every source, for filters and lookups. */
export const useAllSources = () =>
  useQuery({ queryKey: listeningKeys.allSources, queryFn: () => fetchAllPages(listSources) });
