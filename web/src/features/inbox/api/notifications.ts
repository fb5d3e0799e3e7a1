// The signed-in person's notifications: the unread count for the bell, the recent
// ones, marking them read, and how (and when) they want e-mail about them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import type { Notification, NotificationPreferences } from '../types.ts';
import { inboxKeys } from './inbox-keys.ts';

export const useUnreadNotifications = () =>
  useQuery({
    queryKey: inboxKeys.unread,
    queryFn: () => api.get<Page<Notification>>('/notifications', { unread: 'true', limit: 50 }),
    refetchInterval: 60_000,
  });

export const useRecentNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: inboxKeys.recent,
    queryFn: () => api.get<Page<Notification>>('/notifications', { limit: 30 }),
    enabled,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids?: (number | string)[]; all?: boolean }) => api.post<unknown>('/notifications/read', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.notifications }),
  });
}

export const useNotificationPreferences = (enabled: boolean) =>
  useQuery({
    queryKey: inboxKeys.preferences,
    queryFn: () => api.get<NotificationPreferences>('/notifications/preferences'),
    enabled,
  });

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: NotificationPreferences) => api.put<NotificationPreferences>('/notifications/preferences', preferences),
    onSuccess: (saved) => queryClient.setQueryData(inboxKeys.preferences, saved),
  });
}
