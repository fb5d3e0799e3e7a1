// All spokes of the organization, searchable and filtered by kind.
import { useState } from 'react';
import { Link } from 'react-router';
import { optionsOf, spokeKindLabels, spokeKinds, type SpokeKind } from '../../api/vocabulary.ts';
import { Button } from '../../ui/button.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedTable } from '../../ui/paged-table.tsx';
import type { Column } from '../../ui/table.tsx';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';
import { useSpokes } from './api/list-spokes.ts';
import { NewSpokeDialog } from './new-spoke-dialog.tsx';
import type { Place, Spoke } from './types.ts';

const placeSummary = (place: Place | null) => [place?.city, place?.region, place?.country].filter(Boolean).join(', ') || '—';

/** Where it is, and the other names it goes by beneath. */
function PlaceCell({ spoke }: { spoke: Spoke }) {
  return (
    <>
      {placeSummary(spoke.place)}
      {spoke.aliases.length > 0 && <div className="muted">Also known as {spoke.aliases.join(', ')}</div>}
    </>
  );
}

const columns: Column<Spoke>[] = [
  { header: 'Name', cell: (spoke) => <Link to={`/spokes/${spoke.id}`}>{spoke.name}</Link> },
  { header: 'Kind', cell: (spoke) => spokeKindLabels[spoke.kind] },
  { header: 'Place', cell: (spoke) => <PlaceCell spoke={spoke} /> },
  { header: 'Updated', cell: (spoke) => <DateTime value={spoke.updatedAt} /> },
];

export function SpokesPage() {
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<SpokeKind | ''>('');
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(search.trim());
  const spokes = useSpokes({ q, kind });
  const filtered = q !== '' || kind !== '';

  return (
    <>
      <PageHeader
        title="Spokes"
        description="Departments, business units, stores and regions: where your colleagues work and where conversations are routed."
        actions={<Button variant="primary" onClick={() => setCreating(true)}>New spoke</Button>}
      />
      <div className="filters" role="search">
        <TextField label="Search spokes" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField label="Show" value={kind} onChange={(event) => setKind(event.target.value as SpokeKind | '')}
          options={[{ value: '', label: 'All kinds' }, ...optionsOf(spokeKinds, spokeKindLabels)]} />
      </div>
      <PagedTable
        query={spokes}
        caption="Spokes"
        columns={columns}
        rowKey={(spoke) => spoke.id}
        empty={filtered
          ? <EmptyState title="No spokes match these filters." />
          : <EmptyState title="No spokes yet.">Create the first department, business unit or store with “New spoke”.</EmptyState>}
      />
      <NewSpokeDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
