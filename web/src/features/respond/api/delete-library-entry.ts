import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { respondKeys } from './respond-keys.ts';

export const deleteLibraryEntry = (id: string) => api.delete(`/reply-library/${encodeURIComponent(id)}`);

export function useDeleteLibraryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLibraryEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: respondKeys.library }),
  });
}
