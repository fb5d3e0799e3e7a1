import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { HoldingStatement, NewHoldingStatement } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** The holding statements on the crisis's topics (reply-library entries of that kind). */
export const listStatements = (crisisId: string) => api.get<{ items: HoldingStatement[] }>(`/crises/${crisisId}/statements`);

export const useStatements = (crisisId: string) =>
  useQuery({ queryKey: crisisKeys.statements(crisisId), queryFn: () => listStatements(crisisId), select: (data) => data.items });

export const addStatement = (crisisId: string, input: NewHoldingStatement) => api.post<HoldingStatement>(`/crises/${crisisId}/statements`, input);

export function useAddStatement(crisisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewHoldingStatement) => addStatement(crisisId, input),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: crisisKeys.statements(crisisId) }),
      queryClient.invalidateQueries({ queryKey: crisisKeys.timeline(crisisId) }),
    ]),
  });
}
