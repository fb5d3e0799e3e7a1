// Every spoke by name, for the spoke picker (a spoke lead's choice is narrowed to theirs).
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { fetchAllPages } from '../../../api/cursor-list.ts';
import type { SpokeChoice } from '../types.ts';

export const listSpokes = () => fetchAllPages((cursor) => api.get<Page<SpokeChoice>>('/spokes', { cursor, limit: 200 }));

export const useSpokeChoices = () => useQuery({ queryKey: ['insights', 'spokes'], queryFn: listSpokes, staleTime: 60_000 });
