import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Account, AccountPatch } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** A declared account's handle or followers, or a connected one's new access token or app password (checked by its network). */
export const updateAccount = (accountId: string, patch: AccountPatch) => api.patch<Account>(`/advocacy/accounts/${encodeURIComponent(accountId)}`, patch);

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, patch }: { accountId: string; patch: AccountPatch }) => updateAccount(accountId, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.accounts }),
  });
}
