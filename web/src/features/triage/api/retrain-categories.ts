import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { triageKeys } from './triage-keys.ts';

/** Asks the worker to train the model afresh from every example; it answers at once and trains soon after. */
export const retrainCategories = () => api.post<{ scheduled: boolean }>('/categories/retrain');

export function useRetrainCategories() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retrainCategories,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triageKeys.model }),
  });
}
