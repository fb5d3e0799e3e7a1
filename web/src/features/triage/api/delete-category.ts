import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { triageKeys } from './triage-keys.ts';

export const deleteCategory = (id: string) => api.delete(`/categories/${encodeURIComponent(id)}`);

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCategory,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: triageKeys.examplesOf(id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: triageKeys.categories }),
        queryClient.invalidateQueries({ queryKey: triageKeys.mentions }),
      ]);
    },
  });
}
