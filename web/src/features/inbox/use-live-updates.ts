// The live feed (GET /api/live, Server-Sent Events): a changed conversation refreshes
// the inbox list and, when it is the open one, the conversation (both debounced, so a
// burst of changes costs one fetch); a new notification refreshes the bell. The
// browser's EventSource reconnects by itself; `connected` says whether it is up now.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { inboxKeys } from './api/inbox-keys.ts';

const debounceMs = 300;

export function useLiveUpdates(openConversationId: string | undefined): { connected: boolean } {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const openId = useRef(openConversationId);
  useEffect(() => { openId.current = openConversationId; }, [openConversationId]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/live');
    const changed = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let notifyTimer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists });
      if (openId.current && changed.has(openId.current)) {
        void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(openId.current) });
      }
      // Other conversations seen before are stale now; they refetch when opened.
      for (const id of changed) {
        if (id !== openId.current) void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(id), refetchType: 'none' });
      }
      changed.clear();
    };
    const onChanged = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { conversationId?: string };
        if (data.conversationId) changed.add(data.conversationId);
      } catch { /* a malformed event still means something changed */ }
      clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    };
    const onNotification = () => {
      clearTimeout(notifyTimer);
      notifyTimer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: inboxKeys.notifications }), debounceMs);
    };

    source.addEventListener('conversation.changed', onChanged);
    source.addEventListener('notification.created', onNotification);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => {
      clearTimeout(timer);
      clearTimeout(notifyTimer);
      source.close();
    };
  }, [queryClient]);

  return { connected };
}
