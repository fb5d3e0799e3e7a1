import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { triageKeys } from './triage-keys.ts';

export const deleteExample = (id: string) => api.delete(`/category-examples/${encodeURIComponent(id)}`);

export function useDeleteExample() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteExample,
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: triageKeys.examples }),
      queryClient.invalidateQueries({ queryKey: triageKeys.categories }),
      queryClient.invalidateQueries({ queryKey: triageKeys.model }),
    ]),
  });
}
