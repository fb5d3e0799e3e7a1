// What crisis forms pick from by name: topics, spokes (the crisis team), people (owner,
// recipients, escalation) and routing's notification channels. Each list is read again
// whenever a form opens (the one read before shows meanwhile): what was added elsewhere a
// moment ago, a channel on the Routing page say, is there to pick.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { Named } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

const everything = (path: string, query: Record<string, string | number> = {}) => () =>
  fetchAllPages((cursor) => api.get<Page<Named>>(path, { ...query, cursor }));

export const usePickTopics = () => useQuery({ queryKey: crisisKeys.topics, queryFn: everything('/topics') });
export const usePickSpokes = () => useQuery({ queryKey: crisisKeys.spokes, queryFn: everything('/spokes', { limit: 200 }) });
export const usePickPeople = () => useQuery({ queryKey: crisisKeys.people, queryFn: everything('/people', { status: 'active', limit: 200 }) });
/** Listed to hub admins only (routing.manage), who are the ones editing the crisis settings. */
export const usePickChannels = () =>
  useQuery({ queryKey: crisisKeys.channels, queryFn: () => api.get<{ items: Named[] }>('/notification-channels'), select: (data) => data.items });
