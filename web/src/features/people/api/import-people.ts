import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ImportReport } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

/** Sends the file as it is; the server parses and checks every row. */
export const importPeople = (csv: string) => api.postText<ImportReport>('/people/import', csv, 'text/csv');

export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPeople,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
