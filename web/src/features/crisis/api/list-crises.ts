import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { CrisisStatus, CrisisSummary } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

const pageSize = 25;

/** Crisis rooms, newest first, optionally of one status. */
export const listCrises = (status: CrisisStatus | '', cursor: string | null) =>
  api.get<Page<CrisisSummary>>('/crises', { status, cursor, limit: pageSize });

export const useCrises = (status: CrisisStatus | '') =>
  useInfiniteQuery(cursorListOptions(crisisKeys.roomList(status), (cursor) => listCrises(status, cursor)));
