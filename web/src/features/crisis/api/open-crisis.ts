import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Crisis, NewCrisis } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** Opens a crisis room, by hand or from an alert (which it then counts as acknowledged). */
export const openCrisis = (input: NewCrisis) => api.post<Crisis>('/crises', input);

export function useOpenCrisis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openCrisis,
    onSuccess: (crisis) => {
      queryClient.setQueryData(crisisKeys.room(crisis.id), crisis);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: crisisKeys.rooms, refetchType: 'active' }),
        queryClient.invalidateQueries({ queryKey: crisisKeys.alerts }),
      ]);
    },
  });
}
