// The auth guard: signed-in people get the app shell, everyone else the sign-in
// page, which brings them back here afterwards.
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../features/auth/index.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { AppShell } from './app-shell.tsx';

export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading label="Opening Herd…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <AppShell session={session.data} />;
}
