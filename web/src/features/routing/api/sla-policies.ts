import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SlaPolicy, SlaPolicyInput } from '../types.ts';
import { routingKeys } from './routing-keys.ts';
import { useMutationRefreshing } from './refreshing-mutation.ts';

export const useSlaPolicies = () =>
  useQuery({ queryKey: routingKeys.slaPolicies, queryFn: () => api.get<{ items: SlaPolicy[] }>('/routing/sla-policies'), select: (data) => data.items });

const usePolicyMutation = <Input, Result>(run: (input: Input) => Promise<Result>) => useMutationRefreshing(routingKeys.slaPolicies, run);

export const useSaveSlaPolicy = () =>
  usePolicyMutation(({ id, input }: { id: string | null; input: SlaPolicyInput }) =>
    id ? api.patch<SlaPolicy>(`/routing/sla-policies/${encodeURIComponent(id)}`, input) : api.post<SlaPolicy>('/routing/sla-policies', input));
export const useDeleteSlaPolicy = () => usePolicyMutation((id: string) => api.delete(`/routing/sla-policies/${encodeURIComponent(id)}`));
