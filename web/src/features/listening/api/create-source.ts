import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Source, SourceInput } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

export const createSource = (input: SourceInput) => api.post<Source>('/sources', input);

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSource,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listeningKeys.sources }),
  });
}
