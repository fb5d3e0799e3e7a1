// The live feed (GET /api/live, Server-Sent Events) as one hook: it calls the handlers
// for `conversation.changed` (with the conversation's id), `notification.created` and
// `crisis.changed` (with the alert's or crisis's id), and says whether the stream is
// up. The browser's EventSource reconnects by itself.
// Screens decide what to refresh; they should debounce, as events come in bursts.
import { useEffect, useRef, useState } from 'react';

export interface LiveFeedHandlers {
  /** A conversation the person may see changed; `conversationId` is missing from a malformed event. */
  onConversationChanged?: (conversationId: string | undefined) => void;
  onNotification?: () => void;
  /** An alert was raised or acknowledged, or a crisis room opened or changed (heard by those who watch for crises). */
  onCrisisChanged?: (change: { alertId: string | null; crisisId: string | null }) => void;
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
    const onCrisisChanged = (event: MessageEvent<string>) => {
      let change = { alertId: null as string | null, crisisId: null as string | null };
      try {
        const { alertId, crisisId } = JSON.parse(event.data) as { alertId?: unknown; crisisId?: unknown };
        change = { alertId: typeof alertId === 'string' ? alertId : null, crisisId: typeof crisisId === 'string' ? crisisId : null };
      } catch { /* a malformed event still means something changed */ }
      latest.current.onCrisisChanged?.(change);
    };
    source.addEventListener('conversation.changed', onChanged);
    source.addEventListener('notification.created', onNotification);
    source.addEventListener('crisis.changed', onCrisisChanged);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => source.close();
  }, []);

  return { connected };
}
