import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Category, CategoryInput } from '../types.ts';
import { triageKeys } from './triage-keys.ts';

export const createCategory = (input: CategoryInput) => api.post<Category>('/categories', input);

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triageKeys.categories }),
  });
}
