import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { LibraryEntry, LibraryEntryInput } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

export const createLibraryEntry = (input: LibraryEntryInput) => api.post<LibraryEntry>('/reply-library', input);

export function useCreateLibraryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLibraryEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: respondKeys.library }),
  });
}
