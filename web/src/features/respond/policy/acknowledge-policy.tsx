// "I have read and acknowledge version N": people acknowledge the version in force
// (the organization may require it before anyone replies publicly).
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAcknowledgePolicy } from '../api/acknowledge-policy.ts';
import type { Policy } from '../types.ts';

export function AcknowledgePolicy({ policy }: { policy: Policy }) {
  const acknowledge = useAcknowledgePolicy();
  const toast = useToast();
  if (policy.version === 0) return <p className="muted">This is the starter policy; there is nothing to acknowledge until the hub saves its own.</p>;
  if (policy.acknowledgedVersion !== null && policy.acknowledgedVersion >= policy.version) {
    return <p className="acknowledged" data-testid="policy-acknowledged">You acknowledged version {policy.version}.</p>;
  }
  return (
    <div className="notice acknowledge-policy">
      <p>
        {policy.acknowledgedVersion === null ? 'You have not acknowledged the policy yet.' : `You acknowledged version ${policy.acknowledgedVersion}; the rules have changed since.`}
        {' '}Read the rules below, then confirm.
      </p>
      {acknowledge.error && <ErrorState error={acknowledge.error} />}
      <Button variant="primary" busy={acknowledge.isPending}
        onClick={() => acknowledge.mutate(policy.version, { onSuccess: () => toast(`Version ${policy.version} acknowledged.`) })}>
        I have read and acknowledge version {policy.version}
      </Button>
    </div>
  );
}
