// The crisis rooms, newest first, by status: each with its severity, owner and topics.
// A room is opened here by hand, or from an alert on the alerts page.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PagedTable } from '../../../ui/paged-table.tsx';
import { useCrises } from '../api/list-crises.ts';
import { crisisStatuses, statusLabels, type CrisisStatus } from '../types.ts';
import { useCrisisAccess } from '../use-crisis-access.ts';
import { SeverityBadge, StatusBadge } from './crisis-badges.tsx';
import { OpenCrisisDialog, type CrisisStart } from './open-crisis-dialog.tsx';

const byHand: CrisisStart = { title: '', topicIds: [] };

export function CrisesPage() {
  const [search, setSearch] = useSearchParams();
  const status = (crisisStatuses as readonly string[]).includes(search.get('status') ?? '') ? search.get('status') as CrisisStatus : '';
  const crises = useCrises(status);
  const { runs } = useCrisisAccess();
  const [opening, setOpening] = useState<CrisisStart | null>(null);
  const openButton = runs && <Button variant="primary" onClick={() => setOpening(byHand)}>Open a crisis room</Button>;

  return (
    <>
      <PageHeader title="Crisis rooms" actions={openButton}
        description="Where the core team and the PR lead handle a crisis: its timeline, volumes, holding statements and report. While one is active, replies on its topics need approval and advocacy pauses." />
      <div className="filters">
        <SelectField label="Status" value={status} onChange={(event) => setSearch(event.target.value ? { status: event.target.value } : {}, { replace: true })}
          options={[{ value: '', label: 'Any status' }, ...crisisStatuses.map((value) => ({ value, label: statusLabels[value] }))]} />
      </div>
      <PagedTable query={crises} caption="Crisis rooms" rowKey={(crisis) => crisis.id}
        empty={<EmptyState title={status ? `No ${statusLabels[status].toLowerCase()} crisis rooms.` : 'No crisis rooms yet.'} action={openButton}>
          Open one from an alert, or by hand when you know of trouble before the radar does.
        </EmptyState>}
        columns={[
          { header: 'Crisis', cell: (crisis) => <Link to={`/crisis/rooms/${crisis.id}`}>{crisis.title}</Link> },
          { header: 'Status', cell: (crisis) => <StatusBadge status={crisis.status} /> },
          { header: 'Severity', cell: (crisis) => <SeverityBadge severity={crisis.severity} /> },
          { header: 'Owner', cell: (crisis) => crisis.ownerName ?? '—' },
          { header: 'Topics', cell: (crisis) => crisis.topicNames.join(', ') || '—' },
          { header: 'Opened', cell: (crisis) => <DateTime value={crisis.openedAt} /> },
          { header: 'Closed', cell: (crisis) => <DateTime value={crisis.closedAt} /> },
        ]} />
      <OpenCrisisDialog start={opening} onClose={() => setOpening(null)} />
    </>
  );
}
