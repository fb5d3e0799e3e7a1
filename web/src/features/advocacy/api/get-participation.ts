import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Participation, PeriodQuery } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Per spoke: members, who shared, who answered customers, the participation rate and shares (hub admins, PR leads, analysts). */
export const getParticipation = (query: PeriodQuery) => api.get<Participation>('/advocacy/participation', query);

/** `enabled`: the days make sense (not backwards). */
export const useParticipation = (query: PeriodQuery, enabled = true) =>
  useQuery({ queryKey: advocacyKeys.participation(query), queryFn: () => getParticipation(query), placeholderData: keepPreviousData, enabled });
