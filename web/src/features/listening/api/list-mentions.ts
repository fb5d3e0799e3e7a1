import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { Mention, MentionFilters } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

const pageSize = 25;
const pollEveryMs = 5000;

export const listMentions = (filters: MentionFilters, cursor: string | null) =>
  api.get<Page<Mention>>('/mentions', { ...filters, cursor, limit: pageSize });

export const useMentions = (filters: MentionFilters) =>
  useInfiniteQuery(cursorListOptions(listeningKeys.mentions(filters), (cursor) => listMentions(filters, cursor)));

/** The newest page for these filters, fetched again every few seconds while `enabled`. */
export const useLatestMentions = (filters: MentionFilters, enabled: boolean) =>
  useQuery({
    queryKey: listeningKeys.latestMentions(filters),
    queryFn: () => listMentions(filters, null),
    enabled,
    refetchInterval: pollEveryMs,
  });
