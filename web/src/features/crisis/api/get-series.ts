import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SeriesBucket } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** Mentions per bucket by sentiment on the crisis's topics, from an hour before it opened until it closed (or now). */
export const getSeries = (crisisId: string, bucketMinutes: number) =>
  api.get<{ buckets: SeriesBucket[] }>(`/crises/${crisisId}/series`, { bucketMinutes });

export const useSeries = (crisisId: string, bucketMinutes: number) =>
  useQuery({ queryKey: crisisKeys.series(crisisId, bucketMinutes), queryFn: () => getSeries(crisisId, bucketMinutes), select: (data) => data.buckets });
