import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { respondKeys } from './respond-keys.ts';

/** Acknowledges the version in force, by number, so nobody acknowledges rules they have not seen. */
export const acknowledgePolicy = (version: number) => api.post<void>('/policy/acknowledgements', { version });

export function useAcknowledgePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgePolicy,
    // Whether the person may reply depends on it: drafts are judged again.
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: respondKeys.policy }),
      queryClient.invalidateQueries({ queryKey: ['respond', 'reply-check'] }),
    ]),
  });
}
