import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { TimelineEntry } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

export const addNote = (crisisId: string, text: string) => api.post<TimelineEntry>(`/crises/${crisisId}/notes`, { text });

export function useAddNote(crisisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => addNote(crisisId, text),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crisisKeys.timeline(crisisId) }),
  });
}
