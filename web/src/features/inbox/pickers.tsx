// Choosing a person (searched by name as you type) or a spoke, for assigning,
// transferring and bulk actions.
import { useState } from 'react';
import { SelectField, TextField } from '../../ui/field.tsx';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';
import { useAllSpokes, usePeopleSearch } from './api/pickers.ts';

interface PersonPickerProps {
  label?: string;
  value: string;
  onChange: (personId: string) => void;
  field?: string;
  /** Offer "nobody" as a choice (e.g. a transfer to the spoke's queue). */
  optional?: boolean;
}

export function PersonPicker({ label = 'Person', value, onChange, field, optional }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const people = usePeopleSearch(q);
  const options = [
    { value: '', label: people.isPending ? 'Loading…' : people.isError ? 'People could not be loaded' : optional ? 'Nobody in particular' : 'Choose a person' },
    ...(people.data ?? []).map((person) => ({ value: person.id, label: person.title ? `${person.name} (${person.title})` : person.name })),
  ];
  return (
    <div className="person-picker">
      <TextField label={`Find ${label.toLowerCase()}`} type="search" value={search} placeholder="Name or e-mail"
        onChange={(event) => setSearch(event.target.value)} />
      <SelectField label={label} field={field} options={options} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

interface SpokePickerProps {
  label?: string;
  value: string;
  onChange: (spokeId: string) => void;
  field?: string;
  /** What the empty choice says, e.g. "All spokes". */
  emptyLabel?: string;
}

export function SpokePicker({ label = 'Spoke', value, onChange, field, emptyLabel = 'Choose a spoke' }: SpokePickerProps) {
  const spokes = useAllSpokes();
  const options = [
    { value: '', label: spokes.isPending ? 'Loading…' : emptyLabel },
    ...(spokes.data ?? []).map((spoke) => ({ value: spoke.id, label: spoke.name })),
  ];
  return <SelectField label={label} field={field} options={options} value={value} onChange={(event) => onChange(event.target.value)} />;
}
