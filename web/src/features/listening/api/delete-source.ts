import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { listeningKeys } from './listening-keys.ts';

export const deleteSource = (id: string) => api.delete(`/sources/${encodeURIComponent(id)}`);

export function useDeleteSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSource,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listeningKeys.sources }),
  });
}
