import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import type { SpokeCalendar, WeeklyHours } from '../types.ts';
import { routingKeys } from './routing-keys.ts';

/** The spoke's calendar, or null when it has none yet (the server answers 404). */
export const useSpokeCalendar = (spokeId: string) =>
  useQuery({
    queryKey: routingKeys.calendar(spokeId),
    enabled: Boolean(spokeId),
    queryFn: () =>
      api.get<SpokeCalendar>(`/routing/calendars/${encodeURIComponent(spokeId)}`).catch((error: unknown) => {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }),
  });

export function useSaveSpokeCalendar(spokeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hours: WeeklyHours) => api.put<SpokeCalendar>(`/routing/calendars/${encodeURIComponent(spokeId)}`, { spokeId, ...hours }),
    onSuccess: (saved) => queryClient.setQueryData(routingKeys.calendar(spokeId), saved),
  });
}
