// The inbox: conversations routed to the signed-in person and their spokes, each with
// its thread, clocks, history and actions, updated live.
import type { RouteObject } from 'react-router';
import { InboxPage } from './inbox-page.tsx';
import './inbox.css';

// One route with an optional segment, so opening a conversation keeps the list as it is.
export const inboxRoutes: RouteObject[] = [{ path: '/inbox/:conversationId?', element: <InboxPage /> }];
