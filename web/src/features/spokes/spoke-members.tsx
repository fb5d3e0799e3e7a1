import { Link } from 'react-router';
import { personStatusLabels, roleLabels } from '../../api/vocabulary.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Table, type Column } from '../../ui/table.tsx';
import { useSpokeMembers } from './api/list-spoke-members.ts';
import type { SpokeMember } from './types.ts';

const columns: Column<SpokeMember>[] = [
  { header: 'Name', cell: (member) => <Link to={`/people/${member.person.id}`}>{member.person.name}</Link> },
  { header: 'E-mail', cell: (member) => member.person.email },
  { header: 'Title', cell: (member) => member.person.title ?? '—' },
  { header: 'Role', cell: (member) => roleLabels[member.role] },
  { header: 'Status', cell: (member) => personStatusLabels[member.person.status] },
];

/** Who holds a role in this spoke. Memberships are edited on each person's page. */
export function SpokeMembers({ spokeId }: { spokeId: string }) {
  const members = useSpokeMembers(spokeId);
  if (members.isPending) return <Loading label="Loading members…" />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0) {
    return <EmptyState title="Nobody belongs to this spoke yet.">Give someone a role here from their page under People.</EmptyState>;
  }
  return <Table caption="Members" columns={columns} rows={members.data} rowKey={(member) => member.membershipId} />;
}
