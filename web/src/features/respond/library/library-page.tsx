// The reply library: saved replies and holding statements, starting points people put
// into their own words in the composer. Everyone reads; PR leads, hub admins and spoke
// leads (for their spokes' saved replies) add, change and delete.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useLibrary } from '../api/list-library.ts';
import { useAllSpokes } from '../api/list-spokes.ts';
import { libraryKindLabels, libraryKinds, type LibraryEntry, type LibraryKind } from '../types.ts';
import { LibraryEntryCard } from './library-entry-card.tsx';
import { LibraryEntryDialog } from './library-entry-dialog.tsx';
import { useLibraryPermissions } from './use-library-permissions.ts';

/** `undefined`: no dialog; `null`: a new entry; an entry: editing it. */
type Editing = LibraryEntry | null | undefined;

export function LibraryPage() {
  const [showExpired, setShowExpired] = useState(false);
  const [kind, setKind] = useState<LibraryKind | ''>('');
  const library = useLibrary(showExpired);
  const spokes = useAllSpokes();
  const permissions = useLibraryPermissions();
  const [editing, setEditing] = useState<Editing>(undefined);
  const spokeNameOf = (id: string | null) => (id ? spokes.data?.find((spoke) => spoke.id === id)?.name ?? null : null);
  const entries = (library.data ?? []).filter((entry) => !kind || entry.kind === kind);
  const newButton = permissions.kindsToCreate.length > 0 && <Button variant="primary" onClick={() => setEditing(null)}>New entry</Button>;

  return (
    <>
      <PageHeader title="Reply library" actions={newButton}
        description="Saved replies and holding statements: starting points that people put into their own words, never sent as they are." />
      <div className="filters library-filters">
        <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value as LibraryKind | '')}
          options={[{ value: '', label: 'Both kinds' }, ...libraryKinds.map((value) => ({ value, label: `${libraryKindLabels[value]}s` }))]} />
        <label className="checkbox-label">
          <input type="checkbox" className="checkbox" checked={showExpired} onChange={(event) => setShowExpired(event.target.checked)} />
          Show expired
        </label>
      </div>
      {library.isPending ? <Loading label="Loading the library…" />
        : !library.data ? <ErrorState error={library.error} onRetry={() => void library.refetch()} />
        : entries.length === 0 ? (
          <EmptyState title={kind || showExpired ? 'Nothing matches.' : 'The library is empty.'} action={newButton}>
            {permissions.kindsToCreate.length > 0 ? 'Add wording your colleagues can start from.' : 'PR leads and spoke leads add wording here for everyone to start from.'}
          </EmptyState>
        ) : (
          <ul className="plain-list library-list" aria-busy={library.isFetching || undefined}>
            {entries.map((entry) => (
              <li key={entry.id}>
                <LibraryEntryCard entry={entry} spokeName={spokeNameOf(entry.spokeId)} canEdit={permissions.canEdit(entry)} onEdit={setEditing} />
              </li>
            ))}
          </ul>
        )}
      {permissions.kindsToCreate.length > 0 && (
        <LibraryEntryDialog entry={editing ?? undefined} open={editing !== undefined} onClose={() => setEditing(undefined)} permissions={permissions} />
      )}
    </>
  );
}
