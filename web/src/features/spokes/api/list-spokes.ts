import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions, fetchAllPages } from '../../../api/cursor-list.ts';
import type { Spoke, SpokeFilters } from '../types.ts';
import { spokeKeys } from './spoke-keys.ts';

const pageSize = 50;

export const listSpokes = (filters: SpokeFilters, cursor: string | null) =>
  api.get<Page<Spoke>>('/spokes', { ...filters, cursor, limit: pageSize });

export const useSpokes = (filters: SpokeFilters) =>
  useInfiniteQuery(cursorListOptions(spokeKeys.list(filters), (cursor) => listSpokes(filters, cursor)));

/** Every spoke, for choosing a parent. */
export const useAllSpokes = () =>
  useQuery({
    queryKey: spokeKeys.everything,
    queryFn: () => fetchAllPages((cursor) => listSpokes({ q: '', kind: '' }, cursor)),
  });
