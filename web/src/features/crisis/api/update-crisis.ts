import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Crisis, CrisisPatch } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** Changes the crisis's title, severity, status, owner, topics or crisis team; each change lands in its timeline. */
export const updateCrisis = (crisisId: string, patch: CrisisPatch) => api.patch<Crisis>(`/crises/${crisisId}`, patch);

export function useUpdateCrisis(crisisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CrisisPatch) => updateCrisis(crisisId, patch),
    onSuccess: (crisis) => {
      queryClient.setQueryData(crisisKeys.room(crisisId), crisis);
      // The timeline, series (topics changed) and lists follow.
      return queryClient.invalidateQueries({ queryKey: crisisKeys.rooms });
    },
  });
}
