import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { spokeKeys } from './spoke-keys.ts';

export const deleteSpoke = (id: string) => api.delete(`/spokes/${encodeURIComponent(id)}`);

export function useDeleteSpoke() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSpoke,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: spokeKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: spokeKeys.all });
    },
  });
}
