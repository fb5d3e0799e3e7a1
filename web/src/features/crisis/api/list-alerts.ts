import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { AlertFilters, CrisisAlert } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

const pageSize = 20;

/** Alerts newest first, by topic and by whether someone acknowledged them. */
export const listAlerts = (filters: AlertFilters, cursor: string | null) =>
  api.get<Page<CrisisAlert>>('/crisis/alerts', {
    topicId: filters.topicId,
    acknowledged: filters.acknowledged === undefined ? undefined : String(filters.acknowledged),
    cursor,
    limit: pageSize,
  });

export const useAlerts = (filters: AlertFilters) =>
  useInfiniteQuery(cursorListOptions(crisisKeys.alertList(filters), (cursor) => listAlerts(filters, cursor)));

/** One alert, as a notification links to it; nothing is fetched without an id. */
export const useAlert = (alertId: string | null) =>
  useQuery({ queryKey: crisisKeys.alert(alertId ?? ''), queryFn: () => api.get<CrisisAlert>(`/crisis/alerts/${alertId}`), enabled: alertId !== null });
