import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Person, PersonInput } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

export const createPerson = (input: PersonInput) => api.post<Person>('/people', input);

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: (person) => {
      queryClient.setQueryData(peopleKeys.detail(person.id), person);
      return queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
