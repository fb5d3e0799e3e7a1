import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A change to one of routing's lists, which is fetched again once the change settles (saved or refused). */
export function useMutationRefreshing<Input, Result>(list: QueryKey, run: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: list }) });
}
