import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { TimelineEntry } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** What happened in the crisis, newest first. */
export const listTimeline = (crisisId: string, cursor: string | null) =>
  api.get<Page<TimelineEntry>>(`/crises/${crisisId}/timeline`, { cursor });

export const useTimeline = (crisisId: string) =>
  useInfiniteQuery(cursorListOptions(crisisKeys.timeline(crisisId), (cursor) => listTimeline(crisisId, cursor)));
