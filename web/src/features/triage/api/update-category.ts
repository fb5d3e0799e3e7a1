import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Category, CategoryInput } from '../types.ts';
import { triageKeys } from './triage-keys.ts';

export const updateCategory = (id: string, changes: Partial<CategoryInput>) =>
  api.patch<Category>(`/categories/${encodeURIComponent(id)}`, changes);

export function useUpdateCategory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<CategoryInput>) => updateCategory(id, changes),
    // Names show on mentions too.
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: triageKeys.categories }),
      queryClient.invalidateQueries({ queryKey: triageKeys.mentions }),
    ]),
  });
}
