import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Source, SourcePatch } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

export const updateSource = (id: string, changes: SourcePatch) =>
  api.patch<Source>(`/sources/${encodeURIComponent(id)}`, changes);

export function useUpdateSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: SourcePatch) => updateSource(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listeningKeys.sources }),
  });
}
