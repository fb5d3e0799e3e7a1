// Saying you are away (routing assigns you nothing new) or back; the session then shows it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { refreshSession } from './get-session.ts';

export type Availability = 'active' | 'away';

export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: Availability) => api.put<{ status: Availability }>('/auth/session/availability', { status }),
    onSuccess: () => refreshSession(queryClient),
  });
}
