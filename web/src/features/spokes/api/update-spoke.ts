import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Spoke, SpokeInput } from '../types.ts';
import { spokeKeys } from './spoke-keys.ts';

export const updateSpoke = (id: string, changes: Partial<SpokeInput>) =>
  api.patch<Spoke>(`/spokes/${encodeURIComponent(id)}`, changes);

export function useUpdateSpoke(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<SpokeInput>) => updateSpoke(id, changes),
    onSuccess: (spoke) => {
      queryClient.setQueryData(spokeKeys.detail(id), spoke);
      return queryClient.invalidateQueries({ queryKey: spokeKeys.all });
    },
  });
}
