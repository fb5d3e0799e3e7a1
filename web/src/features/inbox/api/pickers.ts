// People and spokes to pick from (assign, transfer, @-mentions, the spoke filter).
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { PersonChoice, SpokeChoice } from '../types.ts';
import { inboxKeys } from './inbox-keys.ts';

export const searchPeople = (q: string) =>
  api.get<Page<PersonChoice>>('/people', { q, status: 'active', limit: 10 }).then((page) => page.items);

export const usePeopleSearch = (q: string, enabled = true) =>
  useQuery({ queryKey: inboxKeys.people(q), queryFn: () => searchPeople(q), enabled, staleTime: 30_000 });

export const useAllSpokes = () =>
  useQuery({
    queryKey: inboxKeys.spokes,
    queryFn: () => fetchAllPages((cursor) => api.get<Page<SpokeChoice>>('/spokes', { cursor, limit: 200 })),
    staleTime: 60_000,
  });
