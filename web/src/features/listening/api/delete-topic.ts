import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { listeningKeys } from './listening-keys.ts';

export const deleteTopic = (id: string) => api.delete(`/topics/${encodeURIComponent(id)}`);

export function useDeleteTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTopic,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listeningKeys.topics }),
  });
}
