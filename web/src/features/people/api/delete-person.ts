import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { peopleKeys } from './people-keys.ts';

export const deletePerson = (id: string) => api.delete(`/people/${encodeURIComponent(id)}`);

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePerson,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: peopleKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
