// What crisis forms pick from by name: topics, spokes (the crisis team), people (owner,
// recipients, escalation) and routing's notification channels.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { Named } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

const everything = (path: string, query: Record<string, string | number> = {}) => () =>
  fetchAllPages((cursor) => api.get<Page<Named>>(path, { ...query, cursor }));
const staleTime = 60_000;

export const usePickTopics = () => useQuery({ queryKey: crisisKeys.topics, queryFn: everything('/topics'), staleTime });
export const usePickSpokes = () => useQuery({ queryKey: crisisKeys.spokes, queryFn: everything('/spokes', { limit: 200 }), staleTime });
export const usePickPeople = () => useQuery({ queryKey: crisisKeys.people, queryFn: everything('/people', { status: 'active', limit: 200 }), staleTime });
/** Listed to hub admins only (routing.manage), who are the ones editing the crisis settings. */
export const usePickChannels = () =>
  useQuery({ queryKey: crisisKeys.channels, queryFn: () => api.get<{ items: Named[] }>('/notification-channels'), select: (data) => data.items, staleTime });
