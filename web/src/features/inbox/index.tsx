// The inbox: conversations routed to the signed-in person and their spokes, each with
// its thread, clocks, history and actions, updated live.
import type { RouteObject } from 'react-router';
import { InboxPage } from './inbox-page.tsx';
import './inbox.css';
import type { ConversationExtra } from './types.ts';

export type { ConversationExtra } from './types.ts';

export interface InboxRouteOptions {
  /** Shown in every open conversation (web/src/app passes respond's replies and composer). */
  conversationExtra?: ConversationExtra;
}

// One route with an optional segment, so opening a conversation keeps the list as it is.
export const inboxRoutes = ({ conversationExtra }: InboxRouteOptions = {}): RouteObject[] => [
  { path: '/inbox/:conversationId?', element: <InboxPage conversationExtra={conversationExtra} /> },
];
