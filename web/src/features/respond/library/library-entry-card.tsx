// One saved reply or holding statement: its text, kind, owner, spoke and expiry
// (expired ones greyed), with edit and delete for those who may change it.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useDeleteLibraryEntry } from '../api/delete-library-entry.ts';
import { libraryKindLabels, type LibraryEntry } from '../types.ts';

interface LibraryEntryCardProps {
  entry: LibraryEntry;
  spokeName: string | null;
  canEdit: boolean;
  onEdit: (entry: LibraryEntry) => void;
}

export function LibraryEntryCard({ entry, spokeName, canEdit, onEdit }: LibraryEntryCardProps) {
  const remove = useDeleteLibraryEntry();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  return (
    <article className="library-entry" data-expired={entry.expired || undefined} aria-label={entry.title}>
      <header className="library-entry__header">
        <h2 className="library-entry__title">{entry.title}</h2>
        <p className="library-entry__badges">
          <span className={`badge badge--library-${entry.kind}`}>{libraryKindLabels[entry.kind]}</span>
          {entry.expired && <span className="badge badge--expired">Expired</span>}
          {entry.language && <span className="badge">{entry.language.toUpperCase()}</span>}
        </p>
      </header>
      <p className="library-entry__text">{entry.text}</p>
      <dl className="library-entry__facts">
        <div><dt>Owner</dt><dd>{entry.ownerName || 'No owner'}</dd></div>
        <div><dt>For</dt><dd>{entry.spokeId ? spokeName ?? 'A spoke' : 'Everyone'}</dd></div>
        <div><dt>{entry.expired ? 'Expired' : 'Expires'}</dt><dd>{entry.expiresAt ? <DateTime value={entry.expiresAt} /> : 'Never'}</dd></div>
        {entry.kind === 'holding_statement' && <div><dt>Approved by</dt><dd>{entry.approvedByName || '—'}</dd></div>}
      </dl>
      {canEdit && (
        <div className="form__actions">
          <Button onClick={() => onEdit(entry)}>Edit</Button>
          <Button variant="danger" onClick={() => setConfirming(true)}>Delete</Button>
        </div>
      )}
      <ConfirmDialog open={confirming} title={`Delete “${entry.title}”?`} confirmLabel="Delete" busy={remove.isPending} error={remove.error}
        onClose={() => { remove.reset(); setConfirming(false); }}
        onConfirm={() => remove.mutate(entry.id, { onSuccess: () => { setConfirming(false); toast('Deleted.'); } })}>
        <p>Nobody will be offered it in the composer any more. Replies that started from it keep their text.</p>
      </ConfirmDialog>
    </article>
  );
}
