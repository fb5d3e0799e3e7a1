// The spokes a person can be filtered by or given a role in. Only id and name are
// used here; the spokes screens own everything else about a spoke.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import { peopleKeys } from './people-keys.ts';

export interface SpokeChoice {
  id: string;
  name: string;
}

export const listSpokeChoices = () =>
  fetchAllPages((cursor) => api.get<Page<SpokeChoice>>('/spokes', { cursor }));

export const useSpokeChoices = () => useQuery({ queryKey: peopleKeys.spokeChoices, queryFn: listSpokeChoices });
