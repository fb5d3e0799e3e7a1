// The approval queue follows the live feed: a reply sent for approval, decided by
// another approver or revised announces its conversation, and the queue is fetched
// again (debounced, as changes come in bursts).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveFeed } from '../../../api/live-feed.ts';
import { respondKeys } from '../api/respond-keys.ts';

const debounceMs = 400;

export function useApprovalsLive(): { connected: boolean } {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useLiveFeed({
    onConversationChanged: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: respondKeys.approvals }), debounceMs);
    },
  });
}
