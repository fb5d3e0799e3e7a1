// Everyone in the organization, searchable and filtered by status and spoke.
import { useState } from 'react';
import { Link } from 'react-router';
import { optionsOf, personStatusLabels, personStatuses, type PersonStatus } from '../../api/vocabulary.ts';
import { buttonClass } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedTable } from '../../ui/paged-table.tsx';
import type { Column } from '../../ui/table.tsx';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';
import { usePeople } from './api/list-people.ts';
import { useSpokeChoices } from './api/list-spoke-choices.ts';
import { membershipLabel } from './membership-label.ts';
import type { Person } from './types.ts';

const columns: Column<Person>[] = [
  { header: 'Name', cell: (person) => <Link to={`/people/${person.id}`}>{person.name}</Link> },
  { header: 'E-mail', cell: (person) => person.email },
  { header: 'Title', cell: (person) => person.title ?? '—' },
  {
    header: 'Spokes and roles',
    cell: (person) => person.memberships.length === 0 ? '—' : (
      <ul className="plain-list">
        {person.memberships.map((membership) => <li key={membership.id}>{membershipLabel(membership)}</li>)}
      </ul>
    ),
  },
  { header: 'Status', cell: (person) => <span className={`badge badge--${person.status}`}>{personStatusLabels[person.status]}</span> },
];

export function PeoplePage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [spokeId, setSpokeId] = useState('');
  const spokes = useSpokeChoices();
  const q = useDebouncedValue(search.trim());
  const people = usePeople({ q, status, spokeId });
  const filtered = q !== '' || status !== '' || spokeId !== '';

  return (
    <>
      <PageHeader
        title="People"
        description="Colleagues who listen and answer, with the languages, skills and hours that routing uses."
        actions={
          <>
            <Link className={buttonClass('secondary')} to="/people/import">Import CSV</Link>
            <Link className={buttonClass('primary')} to="/people/new">New person</Link>
          </>
        }
      />
      <div className="filters" role="search">
        <TextField label="Search people" type="search" hint="Name, e-mail or title."
          value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField label="Status" value={status} onChange={(event) => setStatus(event.target.value as PersonStatus | '')}
          options={[{ value: '', label: 'All statuses' }, ...optionsOf(personStatuses, personStatusLabels)]} />
        <SelectField label="Spoke" value={spokeId} onChange={(event) => setSpokeId(event.target.value)}
          hint={spokes.isError ? `Spokes could not be loaded: ${spokes.error.message}` : undefined}
          options={[{ value: '', label: 'All spokes' }, ...(spokes.data ?? []).map((spoke) => ({ value: spoke.id, label: spoke.name }))]} />
      </div>
      <PagedTable
        query={people}
        caption="People"
        columns={columns}
        rowKey={(person) => person.id}
        empty={filtered
          ? <EmptyState title="Nobody matches these filters." />
          : <EmptyState title="No people yet.">Add colleagues one by one with “New person”, or many at once with “Import CSV”.</EmptyState>}
      />
    </>
  );
}
