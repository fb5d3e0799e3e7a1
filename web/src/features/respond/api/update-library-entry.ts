import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { LibraryEntry, LibraryEntryInput } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** Everything but the kind may change. */
export type LibraryEntryPatch = Partial<Omit<LibraryEntryInput, 'kind'>>;

export const updateLibraryEntry = (id: string, patch: LibraryEntryPatch) =>
  api.patch<LibraryEntry>(`/reply-library/${encodeURIComponent(id)}`, patch);

export function useUpdateLibraryEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: LibraryEntryPatch) => updateLibraryEntry(id, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: respondKeys.library }),
  });
}
