import { isApiError } from '../api/client.ts';
import { Button } from './button.tsx';

interface ErrorStateProps {
  error: Error | null;
  onRetry?: () => void;
}

/** Says what went wrong in the server's own words, with its error code for support. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const code = isApiError(error) ? error.code : undefined;
  return (
    <div className="error-state" role="alert">
      <p className="error-state__message">{error?.message || 'Something went wrong.'}</p>
      {code && <p className="error-state__code">Error code: <code>{code}</code></p>}
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}
