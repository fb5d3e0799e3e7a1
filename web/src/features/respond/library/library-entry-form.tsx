// The fields of a saved reply or holding statement: what kind (when new), its title and
// text, whom it is for (everyone, or one spoke), its language and when it expires.
// The server's objections show beside each field.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { localInputValue } from '../../../ui/local-input-value.ts';
import { useAllSpokes } from '../api/list-spokes.ts';
import { libraryKindLabels, type LibraryEntry, type LibraryEntryInput, type LibraryKind } from '../types.ts';
import type { LibraryPermissions } from './use-library-permissions.ts';

interface LibraryEntryFormProps {
  /** The entry to edit; without one the form creates an entry. */
  entry?: LibraryEntry;
  permissions: LibraryPermissions;
  submitLabel: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (input: LibraryEntryInput) => void;
  onCancel: () => void;
}

export function LibraryEntryForm({ entry, permissions, submitLabel, busy, error, onSubmit, onCancel }: LibraryEntryFormProps) {
  const spokes = useAllSpokes();
  const { everyone, spokeIds } = permissions.spokeChoices;
  const spokeOptions = (spokes.data ?? []).filter((spoke) => spokeIds === 'all' || spokeIds.includes(spoke.id));
  const [kind, setKind] = useState<LibraryKind>(entry?.kind ?? permissions.kindsToCreate[0] ?? 'saved_reply');
  const [title, setTitle] = useState(entry?.title ?? '');
  const [text, setText] = useState(entry?.text ?? '');
  const [spokeId, setSpokeId] = useState(entry?.spokeId ?? (everyone ? '' : spokeIds === 'all' ? '' : spokeIds[0] ?? ''));
  const [language, setLanguage] = useState(entry?.language ?? '');
  const [expiresAt, setExpiresAt] = useState(localInputValue(entry?.expiresAt ?? null));

  const submit = () => onSubmit({
    kind, title: title.trim(), text: text.trim(), spokeId: spokeId || null,
    language: language.trim().toLowerCase() || null, expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
  });

  return (
    <Form onSubmit={submit} error={error}>
      {!entry && permissions.kindsToCreate.length > 1 && (
        <SelectField label="Kind" field="kind" value={kind} onChange={(event) => setKind(event.target.value as LibraryKind)}
          options={permissions.kindsToCreate.map((value) => ({ value, label: libraryKindLabels[value] }))}
          hint="Holding statements are approved wording for a developing situation; saved replies are useful wording for everyday questions." />
      )}
      <TextField label="Title" field="title" required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} data-autofocus />
      <TextAreaField label="Text" field="text" required maxLength={5000} rows={5} value={text} onChange={(event) => setText(event.target.value)}
        hint="People start from it and put it in their own words; it is never sent as it is." />
      <SelectField label="For" field="spokeId" value={spokeId} onChange={(event) => setSpokeId(event.target.value)}
        options={[
          ...(everyone ? [{ value: '', label: 'Everyone in the organization' }] : []),
          ...spokeOptions.map((spoke) => ({ value: spoke.id, label: spoke.name })),
        ]}
        hint={spokes.isPending ? 'Loading the spokes…' : spokes.isError ? `The spokes could not be loaded: ${spokes.error.message}` : undefined} />
      <TextField label="Language (optional)" field="language" value={language} maxLength={2} placeholder="en"
        onChange={(event) => setLanguage(event.target.value)} hint="Two letters, e.g. en, fr, de." />
      <TextField label="Expires (optional)" field="expiresAt" type="datetime-local" value={expiresAt}
        onChange={(event) => setExpiresAt(event.target.value)} hint="After this it is no longer offered in the composer. Leave empty to keep it." />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
