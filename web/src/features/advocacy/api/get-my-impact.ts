import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MyImpact } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** The signed-in person's own numbers (the last 30 days unless a range is given), with their best shares. */
export const getMyImpact = (range: { from?: string; to?: string } = {}) => api.get<MyImpact>('/advocacy/me/impact', range);

export const useMyImpact = (range: { from?: string; to?: string } = {}) =>
  useQuery({ queryKey: advocacyKeys.myImpact(range), queryFn: () => getMyImpact(range) });
