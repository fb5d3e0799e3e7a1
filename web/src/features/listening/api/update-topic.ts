import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Topic, TopicInput } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

export const updateTopic = (id: string, changes: Partial<TopicInput>) =>
  api.patch<Topic>(`/topics/${encodeURIComponent(id)}`, changes);

export function useUpdateTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<TopicInput>) => updateTopic(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listeningKeys.topics }),
  });
}
