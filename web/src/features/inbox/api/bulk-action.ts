import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { BulkInput, BulkResult } from '../types.ts';
import { inboxKeys } from './inbox-keys.ts';

export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => api.post<{ results: BulkResult[] }>('/conversations/bulk', input),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: inboxKeys.lists }),
      queryClient.invalidateQueries({ queryKey: inboxKeys.conversations }),
    ]),
  });
}
