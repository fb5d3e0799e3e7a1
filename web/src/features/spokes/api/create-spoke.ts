import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Spoke, SpokeInput } from '../types.ts';
import { spokeKeys } from './spoke-keys.ts';

export const createSpoke = (input: SpokeInput) => api.post<Spoke>('/spokes', input);

export function useCreateSpoke() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSpoke,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spokeKeys.all }),
  });
}
