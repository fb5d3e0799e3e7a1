import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CrisisAlert } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** "Someone is on it": stops the escalation; acknowledging again keeps the first acknowledgement. */
export const acknowledgeAlert = (alertId: string) => api.post<CrisisAlert>(`/crisis/alerts/${alertId}/acknowledge`);

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: crisisKeys.alerts }),
      // The radar counts the alerts still open.
      queryClient.invalidateQueries({ queryKey: crisisKeys.radar }),
    ]),
  });
}
