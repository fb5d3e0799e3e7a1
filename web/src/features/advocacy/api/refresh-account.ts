import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Account } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Reads a connected account's followers (and handle) from its network now. */
export const refreshAccount = (accountId: string) => api.post<Account>(`/advocacy/accounts/${encodeURIComponent(accountId)}/refresh`, {});

export function useRefreshAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshAccount,
    onSuccess: (account) => queryClient.setQueryData<Account[]>(advocacyKeys.accounts, (accounts) => accounts?.map((one) => (one.id === account.id ? account : one))),
    // A failed read is kept on the account as its last error.
    onError: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.accounts }),
  });
}
