import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { Reply } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

const pageSize = 20;

/** Replies waiting for a decision the signed-in person may take, oldest first. */
export const listApprovals = (cursor: string | null) =>
  api.get<Page<Reply>>('/approvals', { status: 'pending_approval', limit: pageSize, cursor });

export const useApprovals = () => useInfiniteQuery(cursorListOptions(respondKeys.approvals, listApprovals));
