import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { LibraryEntry } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** Saved replies and holding statements the signed-in person may start from; expired ones only when asked. */
export const listLibrary = (includeExpired: boolean) =>
  api.get<{ items: LibraryEntry[] }>('/reply-library', includeExpired ? { includeExpired: 'true' } : {}).then((page) => page.items);

export const useLibrary = (includeExpired = false) =>
  useQuery({ queryKey: respondKeys.libraryList(includeExpired), queryFn: () => listLibrary(includeExpired) });
