// A new library entry, or changes to one, in a dialog over the list.
import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCreateLibraryEntry } from '../api/create-library-entry.ts';
import { useUpdateLibraryEntry } from '../api/update-library-entry.ts';
import type { LibraryEntry, LibraryEntryInput } from '../types.ts';
import { LibraryEntryForm } from './library-entry-form.tsx';
import type { LibraryPermissions } from './use-library-permissions.ts';

interface LibraryEntryDialogProps {
  /** The entry to edit; without one the dialog creates an entry. */
  entry?: LibraryEntry;
  open: boolean;
  onClose: () => void;
  permissions: LibraryPermissions;
}

export function LibraryEntryDialog({ entry, open, onClose, permissions }: LibraryEntryDialogProps) {
  const create = useCreateLibraryEntry();
  const update = useUpdateLibraryEntry(entry?.id ?? '');
  const save = entry ? update : create;
  const toast = useToast();
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const done = () => {
    toast(entry ? 'Saved.' : 'Added to the library.');
    close();
  };
  const submit = (input: LibraryEntryInput) => {
    if (entry) {
      const { kind: _kind, ...patch } = input;
      update.mutate(patch, { onSuccess: done });
    } else {
      create.mutate(input, { onSuccess: done });
    }
  };

  return (
    <Dialog open={open} onClose={close} title={entry ? `Edit “${entry.title}”` : 'New library entry'}>
      <LibraryEntryForm key={entry?.id ?? 'new'} entry={entry} permissions={permissions} submitLabel={entry ? 'Save changes' : 'Add to library'}
        busy={save.isPending} error={save.error} onSubmit={submit} onCancel={close} />
    </Dialog>
  );
}
