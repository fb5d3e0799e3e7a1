// Acting on many conversations at once: claim, resolve, set waiting, assign or transfer
// the checked ones, then a line per conversation saying whether it worked and why not.
import { useState } from 'react';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { useBulkAction } from './api/bulk-action.ts';
import { PersonPicker, SpokePicker } from './pickers.tsx';
import type { BulkAction, BulkResult } from './types.ts';

const actionOptions: { value: BulkAction; label: string }[] = [
  { value: 'claim', label: 'Claim' },
  { value: 'resolve', label: 'Resolve' },
  { value: 'waiting', label: 'Set waiting' },
  { value: 'assign', label: 'Assign to…' },
  { value: 'transfer', label: 'Transfer to…' },
];

interface BulkBarProps {
  selected: string[];
  titleOf: (conversationId: string) => string;
  onClear: () => void;
}

export function BulkBar({ selected, titleOf, onClear }: BulkBarProps) {
  const [action, setAction] = useState<BulkAction>('claim');
  const [personId, setPersonId] = useState('');
  const [spokeId, setSpokeId] = useState('');
  const [note, setNote] = useState('');
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const bulk = useBulkAction();

  const submit = () => {
    bulk.mutate(
      {
        conversationIds: selected.slice(0, 100),
        action,
        ...(action === 'assign' || action === 'transfer' ? { personId: personId || undefined } : {}),
        ...(action === 'transfer' ? { spokeId: spokeId || undefined } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (answer) => {
          setResults(answer.results);
          onClear();
        },
      },
    );
  };

  if (selected.length === 0 && !results) return null;
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      {selected.length > 0 && (
        <Form onSubmit={submit} error={bulk.error} className="bulk-bar__form">
          <p className="bulk-bar__count"><strong>{selected.length}</strong> selected{selected.length > 100 && ' (the first 100 are acted on)'}</p>
          <SelectField label="Bulk action" field="action" options={actionOptions} value={action}
            onChange={(event) => setAction(event.target.value as BulkAction)} />
          {action === 'transfer' && <SpokePicker value={spokeId} onChange={setSpokeId} field="spokeId" />}
          {(action === 'assign' || action === 'transfer') && (
            <PersonPicker value={personId} onChange={setPersonId} field="personId" optional={action === 'transfer'} />
          )}
          {(action === 'assign' || action === 'transfer') && (
            <TextField label="Note" field="note" value={note} onChange={(event) => setNote(event.target.value)} />
          )}
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={bulk.isPending}>Apply to {selected.length}</Button>
            <Button onClick={onClear}>Clear selection</Button>
          </div>
        </Form>
      )}
      {results && (
        <div className="bulk-results" role="status">
          <p>
            <strong>{results.filter((result) => result.ok).length} of {results.length} done.</strong>{' '}
            <Button variant="quiet" onClick={() => setResults(null)}>Dismiss</Button>
          </p>
          <ul className="plain-list bulk-results__list">
            {results.map((result) => (
              <li key={result.conversationId} data-ok={result.ok}>
                <span aria-hidden="true">{result.ok ? '✓' : '✕'}</span> {titleOf(result.conversationId).slice(0, 80)}
                {!result.ok && result.error && <span className="bulk-results__error"> — {result.error.message} <code>{result.error.code}</code></span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
