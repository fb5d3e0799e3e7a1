// Every spoke, to name the spoke of a library entry and to choose one for it.
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { SpokeChoice } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

export const listSpokes = () => fetchAllPages((cursor) => api.get<Page<SpokeChoice>>('/spokes', { cursor, limit: 200 }));

export const useAllSpokes = () => useQuery({ queryKey: respondKeys.spokes, queryFn: listSpokes, staleTime: 60_000 });
