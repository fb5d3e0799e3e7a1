// The live feed (GET /api/live, Server-Sent Events) as one hook: it calls the handlers
// for `conversation.changed` (with the conversation's id) and `notification.created`,
// and says whether the stream is up. The browser's EventSource reconnects by itself.
// Screens decide what to refresh; they should debounce, as events come in bursts.
import { useEffect, useRef, useState } from 'react';

export interface LiveFeedHandlers {
  /** A conversation the person may see changed; `conversationId` is missing from a malformed event. */
  onConversationChanged?: (conversationId: string | undefined) => void;
  onNotification?: () => void;
}

export function useLiveFeed(handlers: LiveFeedHandlers): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => { latest.current = handlers; });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/live');
    const onChanged = (event: MessageEvent<string>) => {
      let conversationId: string | undefined;
      try {
        conversationId = (JSON.parse(event.data) as { conversationId?: string }).conversationId;
      } catch { /* a malformed event still means something changed */ }
      latest.current.onConversationChanged?.(conversationId);
    };
    const onNotification = () => latest.current.onNotification?.();
    source.addEventListener('conversation.changed', onChanged);
    source.addEventListener('notification.created', onNotification);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => source.close();
  }, []);

  return { connected };
}
