// "Start from": the saved replies and holding statements the person may use (expired
// ones left out), put into the draft to edit in their own words, never sent as they are.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { useLibrary } from '../api/list-library.ts';
import { libraryKindLabels, libraryKinds, type LibraryEntry } from '../types.ts';

export function StartFromPicker({ onPick }: { onPick: (entry: LibraryEntry) => void }) {
  const library = useLibrary();
  const [chosenId, setChosenId] = useState('');
  const id = useId();
  const entries = library.data ?? [];
  const chosen = entries.find((entry) => entry.id === chosenId);

  if (library.isError) return <p className="muted small">The saved replies could not be loaded ({library.error.message}).</p>;
  if (!library.isPending && entries.length === 0) {
    return <p className="muted small">No saved replies or holding statements to start from yet. <Link to="/library">Reply library</Link></p>;
  }
  return (
    <div className="start-from">
      <div className="field start-from__field">
        <label className="field__label" htmlFor={id}>Start from</label>
        <div className="start-from__row">
          <select id={id} className="input" value={chosenId} onChange={(event) => setChosenId(event.target.value)} disabled={library.isPending}
            aria-describedby={`${id}-hint`}>
            <option value="">{library.isPending ? 'Loading…' : 'A saved reply or holding statement…'}</option>
            {libraryKinds.map((kind) => {
              const ofKind = entries.filter((entry) => entry.kind === kind);
              return ofKind.length === 0 ? null : (
                <optgroup key={kind} label={`${libraryKindLabels[kind]}s`}>
                  {ofKind.map((entry) => <option key={entry.id} value={entry.id}>{entry.title}</option>)}
                </optgroup>
              );
            })}
          </select>
          <Button disabled={!chosen} onClick={() => { if (chosen) { onPick(chosen); setChosenId(''); } }}>Insert</Button>
        </div>
        <p id={`${id}-hint`} className="field__hint">A starting point to edit in your own words; nothing is sent until you press Send.</p>
      </div>
      {chosen && <p className="start-from__preview muted small">{chosen.text}</p>}
    </div>
  );
}
