// Cache keys of the inbox, so a change (or a live event) refreshes exactly what it touched.
import type { InboxFilters } from '../types.ts';

export const inboxKeys = {
  lists: ['inbox', 'list'] as const,
  list: (filters: InboxFilters) => ['inbox', 'list', filters] as const,
  conversations: ['inbox', 'conversation'] as const,
  conversation: (id: string) => ['inbox', 'conversation', id] as const,
  people: (q: string) => ['inbox', 'people', q] as const,
  spokes: ['inbox', 'spokes'] as const,
  notifications: ['inbox', 'notifications'] as const,
  unread: ['inbox', 'notifications', 'unread'] as const,
  recent: ['inbox', 'notifications', 'recent'] as const,
  preferences: ['inbox', 'notification-preferences'] as const,
};
