import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Removes an account (a connected one's credential with it); shares scheduled through it are cancelled. */
export const removeAccount = (accountId: string) => api.delete(`/advocacy/accounts/${encodeURIComponent(accountId)}`);

export function useRemoveAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAccount,
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: advocacyKeys.accounts }),
      // Scheduled shares through it are cancelled now.
      queryClient.invalidateQueries({ queryKey: advocacyKeys.myShares }),
    ]),
  });
}
