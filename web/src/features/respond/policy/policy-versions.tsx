// Every saved version of the policy, newest first, with the note saying what changed.
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { usePolicyVersions } from '../api/list-policy-versions.ts';

export function PolicyVersions({ inForce }: { inForce: number }) {
  const versions = usePolicyVersions();
  if (versions.isPending) return <Loading label="Loading the versions…" />;
  if (!versions.data) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.data.length === 0) return <p className="muted">No version saved yet: the starter policy is in force.</p>;
  return (
    <ol className="plain-list policy-versions">
      {versions.data.map((version) => (
        <li key={version.version}>
          <strong>Version {version.version}</strong>{version.version === inForce && <span className="badge badge--active">In force</span>}
          {' · '}<span className="muted small"><DateTime value={version.createdAt} /></span>
          {version.note && <p className="small">{version.note}</p>}
        </li>
      ))}
    </ol>
  );
}
