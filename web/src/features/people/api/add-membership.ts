import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MembershipInput } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

export const addMembership = (input: MembershipInput) =>
  api.post<{ id: string } & MembershipInput>('/memberships', input);

export function useAddMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMembership,
    // The person's page lists memberships with spoke names, which only the server knows.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
