import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Account, AccountInput } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/**
 * Declares an account (LinkedIn, X, Facebook, e-mail: handle and followers) or connects
 * one Herd publishes through (Mastodon, Bluesky): the network checks the credential
 * first and says who the account is and how many follow it.
 */
export const addAccount = (input: AccountInput) => api.post<Account>('/advocacy/accounts', input);

export function useAddAccount() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addAccount, onSettled: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.accounts }) });
}
