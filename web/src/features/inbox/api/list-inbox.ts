import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { InboxFilters, InboxItem } from '../types.ts';
import { inboxKeys } from './inbox-keys.ts';

const pageSize = 30;

export const listInbox = (filters: InboxFilters, cursor: string | null) =>
  api.get<Page<InboxItem>>('/inbox', { ...filters, cursor, limit: pageSize });

export const useInbox = (filters: InboxFilters) =>
  useInfiniteQuery(cursorListOptions(inboxKeys.list(filters), (cursor) => listInbox(filters, cursor)));
