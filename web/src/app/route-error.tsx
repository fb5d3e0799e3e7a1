// The error boundary of every route: a crash in one screen shows what happened
// there and leaves the navigation working.
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../ui/error-state.tsx';

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (isRouteErrorResponse(error)) return new Error(`${error.status} ${error.statusText}`);
  return new Error(String(error));
}

export function RouteError() {
  const error = useRouteError();
  return (
    <div className="route-error">
      <h1>This page could not be shown</h1>
      <ErrorState error={toError(error)} onRetry={() => window.location.reload()} />
      <p><Link to="/inbox">Go to the inbox</Link></p>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <div className="route-error">
      <title>Page not found · Herd</title>
      <h1>Page not found</h1>
      <p>There is no page at this address. <Link to="/inbox">Go to the inbox</Link>.</p>
    </div>
  );
}
