import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Spoke } from '../types.ts';
import { spokeKeys } from './spoke-keys.ts';

export const getSpoke = (id: string) => api.get<Spoke>(`/spokes/${encodeURIComponent(id)}`);

export const useSpoke = (id: string) => useQuery({ queryKey: spokeKeys.detail(id), queryFn: () => getSpoke(id) });
