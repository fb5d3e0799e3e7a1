import { useQueryClient } from '@tanstack/react-query';
import { api, type Progress } from '../../../api/client.ts';
import { useMutationWithProgress } from '../../../api/use-mutation-with-progress.ts';
import { listeningKeys } from './listening-keys.ts';

export interface SourceImportSummary {
  rows: number;
  stored: number;
  duplicates: number;
  ignored: number;
  invalid: number;
  /** The first invalid rows, by line of the file. */
  invalidRows: { line: number; reason: string }[];
}

/** JSON Lines by name (.jsonl, .ndjson), else CSV, as the server and `herd import` decide. */
export const contentTypeOf = (fileName: string) => (/\.(jsonl|ndjson)$/i.test(fileName) ? 'application/x-ndjson' : 'text/csv');

export const importIntoSource = (id: string, fileName: string, text: string, onProgress: (progress: Progress) => void) =>
  api.postTextWithProgress<SourceImportSummary>(`/sources/${encodeURIComponent(id)}/import`, text, contentTypeOf(fileName), onProgress);

/** The upload, with the rows stored so far while it runs. */
export function useImportIntoSource(id: string) {
  const queryClient = useQueryClient();
  return useMutationWithProgress({
    run: ({ fileName, text }: { fileName: string; text: string }, onProgress) => importIntoSource(id, fileName, text, onProgress),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: listeningKeys.sources }),
      queryClient.invalidateQueries({ queryKey: ['listening', 'mentions'] }),
    ]),
  });
}
