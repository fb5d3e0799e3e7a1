import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ApiToken } from '../types.ts';

export const tokensQueryKey = ['api-tokens'] as const;

export const listTokens = () => api.get<{ items: ApiToken[] }>('/tokens');

export const useTokens = () => useQuery({ queryKey: tokensQueryKey, queryFn: listTokens, select: (data) => data.items });
