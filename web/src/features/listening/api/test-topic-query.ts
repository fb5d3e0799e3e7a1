import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { QueryTestResult } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

const sample = 500;

export const testTopicQuery = (query: string) => api.post<QueryTestResult>('/topics/test', { query, sample });

/** Checks a topic query and shows what it would match; pass the query already debounced. */
export const useTopicQueryTest = (query: string) =>
  useQuery({
    queryKey: listeningKeys.queryTest(query),
    queryFn: () => testTopicQuery(query),
    enabled: query.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
