import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { triageKeys } from './triage-keys.ts';

export const addExamples = (categoryId: string, texts: string[]) =>
  api.post<{ added: number }>(`/categories/${encodeURIComponent(categoryId)}/examples`, { texts });

export function useAddExamples(categoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (texts: string[]) => addExamples(categoryId, texts),
    // The examples list, the counts beside each category, and the model that will learn them.
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: triageKeys.examplesOf(categoryId) }),
      queryClient.invalidateQueries({ queryKey: triageKeys.categories }),
      queryClient.invalidateQueries({ queryKey: triageKeys.model }),
    ]),
  });
}
