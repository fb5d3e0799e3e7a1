// Who is signed in. A 401 is an answer here, not an error: it means "nobody", and
// the app shows the sign-in page.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../../api/client.ts';
import type { Session } from '../types.ts';

const sessionQueryKey = ['session'] as const;

/** Keeps the CSRF token of whatever session the app now holds. */
function rememberSession(session: Session | null): Session | null {
  setCsrfToken(session?.csrfToken ?? null);
  return session;
}

/**
 * Switches the app to another session (or to none): nothing cached for the
 * previous person may show up for the next one.
 */
export function replaceSession(queryClient: QueryClient, session: Session | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, rememberSession(session));
}

export async function getSession(): Promise<Session | null> {
  try {
    return rememberSession(await api.get<Session>('/auth/session'));
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return rememberSession(null);
    throw error;
  }
}

const sessionQueryOptions = queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: Infinity });

export const useSession = () => useQuery(sessionQueryOptions);

/** Reads the session again after a change to the person it shows. */
export const refreshSession = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: sessionQueryKey });
