// Routing rules: list, create (appended last), change, delete, reorder, and preview a decision.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { PreviewInput, PreviewResult, Rule, RuleInput } from '../types.ts';
import { routingKeys } from './routing-keys.ts';
import { useMutationRefreshing } from './refreshing-mutation.ts';

export const useRules = () =>
  useQuery({ queryKey: routingKeys.rules, queryFn: () => api.get<{ items: Rule[] }>('/routing/rules'), select: (data) => data.items });

const useRulesMutation = <Input, Result>(run: (input: Input) => Promise<Result>) => useMutationRefreshing(routingKeys.rules, run);

export const useCreateRule = () => useRulesMutation((input: RuleInput) => api.post<Rule>('/routing/rules', input));
export const useUpdateRule = () =>
  useRulesMutation(({ id, changes }: { id: string; changes: Partial<RuleInput> }) => api.patch<Rule>(`/routing/rules/${encodeURIComponent(id)}`, changes));
export const useDeleteRule = () => useRulesMutation((id: string) => api.delete(`/routing/rules/${encodeURIComponent(id)}`));

export function useReorderRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: Rule[] }>('/routing/rules/order', { ids }),
    onMutate: (ids) => {
      // Show the new order at once; the answer (or a refetch on failure) settles it.
      const before = queryClient.getQueryData<{ items: Rule[] }>(routingKeys.rules);
      if (before) {
        const byId = new Map(before.items.map((rule) => [rule.id, rule]));
        const items = ids.map((id, position) => ({ ...byId.get(id)!, position })).filter((rule) => rule.id);
        queryClient.setQueryData(routingKeys.rules, { items });
      }
    },
    onSuccess: (answer) => queryClient.setQueryData(routingKeys.rules, answer),
    onError: () => queryClient.invalidateQueries({ queryKey: routingKeys.rules }),
  });
}

export const usePreview = () => useMutation({ mutationFn: (input: PreviewInput) => api.post<PreviewResult>('/routing/preview', input) });
