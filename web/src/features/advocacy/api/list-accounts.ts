import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Account } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** The signed-in person's own accounts, declared and connected, by network and handle. */
export const listMyAccounts = () => api.get<{ items: Account[] }>('/advocacy/accounts').then((list) => list.items);

export const useMyAccounts = () => useQuery({ queryKey: advocacyKeys.accounts, queryFn: listMyAccounts, staleTime: 30_000 });
