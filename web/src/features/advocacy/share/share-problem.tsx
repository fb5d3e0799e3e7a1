// Why the server refused a share, led by what the refusal means for the person and
// followed by the server's own words (which name what to change).
import { isApiError } from '../../../api/client.ts';
import { ErrorState } from '../../../ui/error-state.tsx';

const leads: Record<string, string> = {
  SHARE_BLOCKED: 'The policy blocks this share as written. Fix the findings marked “Blocks sending”.',
  SHARE_REFUSED: 'This share cannot go out now.',
  RATE_LIMITED: 'You have reached a sharing limit for now.',
  FORBIDDEN: 'You may not share this story.',
  NOT_FOUND: 'This story is no longer there to share.',
};

export function ShareProblem({ error }: { error: Error }) {
  const lead = isApiError(error) ? leads[error.code] : undefined;
  return (
    <div className="share-problem" data-testid="share-problem">
      {lead && <p className="share-problem__lead"><strong>{lead}</strong></p>}
      <ErrorState error={error} />
    </div>
  );
}
