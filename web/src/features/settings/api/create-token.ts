import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CreatedToken } from '../types.ts';
import { tokensQueryKey } from './list-tokens.ts';

export interface CreateTokenInput {
  name: string;
  /** Omitted for a token that does not expire. */
  expiresInDays?: number;
}

export const createToken = (input: CreateTokenInput) => api.post<CreatedToken>('/tokens', input);

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
