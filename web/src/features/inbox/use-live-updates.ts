// The inbox's share of the live feed: a changed conversation refreshes the inbox list
// and, when it is the open one, the conversation and what other features keep about it
// (its replies), all debounced, so a burst of changes costs one fetch; a new
// notification refreshes the bell. `connected` says whether the feed is up now.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { conversationScopeKey } from '../../api/conversation-scope.ts';
import { useLiveFeed } from '../../api/live-feed.ts';
import { inboxKeys } from './api/inbox-keys.ts';

const debounceMs = 300;

export function useLiveUpdates(openConversationId: string | undefined): { connected: boolean } {
  const queryClient = useQueryClient();
  const openId = useRef(openConversationId);
  useEffect(() => { openId.current = openConversationId; }, [openConversationId]);
  const changed = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const notifyTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => {
    clearTimeout(timer.current);
    clearTimeout(notifyTimer.current);
  }, []);

  const flush = () => {
    timer.current = undefined;
    void queryClient.invalidateQueries({ queryKey: inboxKeys.lists });
    for (const id of changed.current) {
      // Other conversations seen before are stale now; they refetch when opened.
      const refetchType = id === openId.current ? 'active' : 'none';
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(id), refetchType });
      void queryClient.invalidateQueries({ queryKey: conversationScopeKey(id), refetchType });
    }
    changed.current.clear();
  };

  return useLiveFeed({
    onConversationChanged: (conversationId) => {
      if (conversationId) changed.current.add(conversationId);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, debounceMs);
    },
    onNotification: () => {
      clearTimeout(notifyTimer.current);
      notifyTimer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: inboxKeys.notifications }), debounceMs);
    },
  });
}
