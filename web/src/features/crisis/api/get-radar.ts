import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { RadarTopic } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** The radar moves with the stream; besides live events, it is asked again every minute. */
const refreshMs = 60_000;

/** Every enabled topic against its baseline, highest ratio first. */
export const getRadar = () => api.get<{ topics: RadarTopic[] }>('/crisis/radar');

export const useRadar = () =>
  useQuery({ queryKey: crisisKeys.radar, queryFn: getRadar, select: (data) => data.topics, refetchInterval: refreshMs });
