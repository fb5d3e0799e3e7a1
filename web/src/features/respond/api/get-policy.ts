import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Policy } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** The social-media policy in force, and the newest version the signed-in person acknowledged. */
export const getPolicy = () => api.get<Policy>('/policy');

export const usePolicy = () => useQuery({ queryKey: respondKeys.policy, queryFn: getPolicy });
