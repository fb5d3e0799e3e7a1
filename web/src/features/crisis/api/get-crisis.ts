import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Crisis } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

export const getCrisis = (crisisId: string) => api.get<Crisis>(`/crises/${crisisId}`);

export const useCrisis = (crisisId: string) => useQuery({ queryKey: crisisKeys.room(crisisId), queryFn: () => getCrisis(crisisId) });
