// Every spoke, to name a story's spoke and audience and to choose them.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { SpokeChoice } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

export const listSpokes = () => fetchAllPages((cursor) => api.get<Page<SpokeChoice>>('/spokes', { cursor, limit: 200 }));

export const useSpokeChoices = () => useQuery({ queryKey: advocacyKeys.spokes, queryFn: listSpokes, staleTime: 60_000 });
