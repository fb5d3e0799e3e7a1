import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { triageKeys } from './triage-keys.ts';

/** Says which category a mention belongs to; the server keeps it as a label the model learns from. */
export const changeMentionCategory = (mentionId: string, categoryId: string) =>
  api.put<void>(`/mentions/${encodeURIComponent(mentionId)}/category`, { categoryId });

export function useChangeMentionCategory(mentionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (categoryId: string) => changeMentionCategory(mentionId, categoryId),
    // The mention's chips, and the new "corrected" example with its category's count.
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: triageKeys.mentions }),
      queryClient.invalidateQueries({ queryKey: triageKeys.examples }),
      queryClient.invalidateQueries({ queryKey: triageKeys.categories }),
    ]),
  });
}
