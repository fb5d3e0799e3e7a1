// The sources Herd reads, how healthy they are, and how much each brought in this week.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PagedTable } from '../../../ui/paged-table.tsx';
import type { Column } from '../../../ui/table.tsx';
import { useConnectors } from '../api/list-connectors.ts';
import { useSources } from '../api/list-sources.ts';
import type { Connector, Source } from '../types.ts';
import { useCanEdit } from '../use-can-edit.ts';
import { MentionsChart } from './mentions-chart.tsx';
import { NewSourceDialog } from './new-source-dialog.tsx';
import { SourceActions } from './source-actions.tsx';
import { SourceHealth } from './source-health.tsx';

function sourceColumns(connectors: Connector[], canEdit: boolean): Column<Source>[] {
  const kindLabel = (kind: string) => connectors.find((connector) => connector.kind === kind)?.displayName ?? kind;
  const columns: Column<Source>[] = [
    { header: 'Name', cell: (source) => <strong>{source.name}</strong> },
    { header: 'Kind', cell: (source) => kindLabel(source.kind) },
    {
      header: 'Status',
      cell: (source) => (
        <>
          <span className={`badge badge--${source.status}`}>{source.status === 'active' ? 'Active' : 'Paused'}</span>
          {source.matchMode === 'all' && <div className="muted small">Every post</div>}
        </>
      ),
    },
    { header: 'Health', cell: (source) => <SourceHealth health={source.health} /> },
    { header: 'Last 7 days', cell: (source) => <MentionsChart perDay={source.mentionsPerDay} /> },
  ];
  return canEdit ? [...columns, { header: 'Actions', cell: (source) => <SourceActions source={source} /> }] : columns;
}

export function SourcesPage() {
  const sources = useSources();
  const connectors = useConnectors();
  const canEdit = useCanEdit();
  const [adding, setAdding] = useState(false);
  const addButton = canEdit && <Button variant="primary" onClick={() => setAdding(true)}>Add source</Button>;

  return (
    <>
      <PageHeader title="Sources"
        description="The feeds, searches, webhooks and mailboxes Herd reads mentions from."
        actions={addButton} />
      <PagedTable
        query={sources}
        caption="Sources"
        columns={sourceColumns(connectors.data ?? [], canEdit)}
        rowKey={(source) => source.id}
        empty={(
          <EmptyState title="No sources yet." action={addButton}>
            Add a feed, a Mastodon search, a Bluesky search, a webhook or a mailbox, and Herd starts collecting mentions from it.
          </EmptyState>
        )}
      />
      {canEdit && <NewSourceDialog open={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
