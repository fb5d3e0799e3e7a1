// Why the server refused to send a reply, led by what the refusal means for the
// person and followed by the server's own words (which name what to fix).
import { isApiError } from '../../../api/client.ts';
import { ErrorState } from '../../../ui/error-state.tsx';

const leads: Record<string, string> = {
  REPLY_BLOCKED: 'The policy blocks this reply as written. Fix the findings marked “Blocks sending”.',
  FORBIDDEN: 'You may not send this reply.',
  CONFLICT: 'A reply of yours is already on its way in this conversation.',
  VALIDATION_FAILED: 'The reply cannot be sent like this.',
  NOT_FOUND: 'The conversation or the post to answer is gone.',
};

export function SendProblem({ error }: { error: Error }) {
  const lead = isApiError(error) ? leads[error.code] : undefined;
  return (
    <div className="send-problem">
      {lead && <p className="send-problem__lead"><strong>{lead}</strong></p>}
      <ErrorState error={error} />
    </div>
  );
}
