import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Topic, TopicInput } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

export const createTopic = (input: TopicInput) => api.post<Topic>('/topics', input);

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTopic,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listeningKeys.topics }),
  });
}
