import { useQueryClient } from '@tanstack/react-query';
import { api, type Progress } from '../../../api/client.ts';
import { useMutationWithProgress } from '../../../api/use-mutation-with-progress.ts';
import type { ImportReport } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

/** Sends the file as it is; the server parses and checks every row, reporting its progress. */
export const importPeople = (csv: string, onProgress: (progress: Progress) => void) =>
  api.postTextWithProgress<ImportReport>('/people/import', csv, 'text/csv', onProgress);

export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutationWithProgress({
    run: importPeople,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
