// A share Herd publishes through the person's connected account, followed until it is
// published or failed: the worker takes it within seconds, so it is asked for every 2
// seconds at first; a network that asks Herd to wait makes it retry minutes later, so
// after a minute every 15 seconds.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Share } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';
import { getShare } from './get-share.ts';

const soonMs = 2_000;
const laterMs = 15_000;
const soonFetches = 30;

export const isPublishing = (share: Pick<Share, 'status'>) => share.status === 'publishing';

export function useWatchedShare(made: Share): Share {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: advocacyKeys.watchedShare(made.id),
    queryFn: () => getShare(made.id),
    enabled: isPublishing(made),
    refetchInterval: ({ state }) => (isPublishing(state.data ?? made) ? (state.dataUpdateCount < soonFetches ? soonMs : laterMs) : false),
  });
  const share = query.data ?? made;
  const settled = !isPublishing(share);
  useEffect(() => {
    // Published: points (and perhaps a badge) came with it.
    if (settled && isPublishing(made)) void queryClient.invalidateQueries({ queryKey: advocacyKeys.recognition });
  }, [settled, made, queryClient]);
  return share;
}
