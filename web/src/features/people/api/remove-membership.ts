import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { peopleKeys } from './people-keys.ts';

export const removeMembership = (id: string) => api.delete(`/memberships/${encodeURIComponent(id)}`);

export function useRemoveMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMembership,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
