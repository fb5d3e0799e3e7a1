import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { Share } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

const pageSize = 25;
/** While Herd publishes one of them through an account, the list is asked for again this often. */
const publishingPollMs = 5_000;

/** The signed-in person's shares, newest first. */
export const listMyShares = (cursor: string | null) => api.get<Page<Share>>('/advocacy/shares/mine', { cursor, limit: pageSize });

export const useMyShares = () => useInfiniteQuery({
  ...cursorListOptions(advocacyKeys.myShares, listMyShares),
  refetchInterval: ({ state }) => (state.data?.pages.some((page) => page.items.some((share) => share.status === 'publishing')) ? publishingPollMs : false),
});
