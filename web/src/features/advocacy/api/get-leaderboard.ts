import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Leaderboard, PeriodQuery } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

export type LeaderboardQuery = PeriodQuery & { spokeId?: string; limit: number };

/** Points in a period, overall or among a spoke's members; 403 LEADERBOARDS_OFF while the hub has them switched off. */
export const getLeaderboard = (query: LeaderboardQuery) => api.get<Leaderboard>('/advocacy/leaderboard', query);

export const useLeaderboard = (query: LeaderboardQuery) =>
  useQuery({ queryKey: advocacyKeys.leaderboard(query), queryFn: () => getLeaderboard(query), placeholderData: keepPreviousData });
