import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Policy } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** Saves the rules as a new version of the policy (hub admins); the server names each problem by field. */
export const savePolicy = (input: { rules: unknown; note: string }) => api.put<Policy>('/policy', input);

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(respondKeys.policy, saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: respondKeys.policyVersions }),
        queryClient.invalidateQueries({ queryKey: ['respond', 'reply-check'] }),
      ]);
    },
  });
}
