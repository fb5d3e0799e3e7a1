// The crisis section's share of the live feed: an alert raised or acknowledged, or a
// crisis room changed, refreshes the radar, the alerts and the rooms on screen,
// debounced, so a burst of alerts costs one fetch each.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveFeed } from '../../api/live-feed.ts';
import { crisisKeys } from './api/crisis-keys.ts';

const debounceMs = 300;

export function useCrisisLive(): { connected: boolean } {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = () => {
    timer.current = undefined;
    for (const queryKey of [crisisKeys.radar, crisisKeys.alerts, crisisKeys.rooms]) void queryClient.invalidateQueries({ queryKey });
  };

  return useLiveFeed({
    onCrisisChanged: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, debounceMs);
    },
  });
}
