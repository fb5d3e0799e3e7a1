import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Person, PersonInput } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

export const updatePerson = (id: string, changes: Partial<PersonInput>) =>
  api.patch<Person>(`/people/${encodeURIComponent(id)}`, changes);

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<PersonInput>) => updatePerson(id, changes),
    onSuccess: (person) => {
      queryClient.setQueryData(peopleKeys.detail(id), person);
      return queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
