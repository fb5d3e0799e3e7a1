// Create and edit a spoke: what kind it is, its name, where it sits in the tree and
// where it is on the map (stores need a place so mentions can be routed to them), and
// the other names people call it by (so a mention that says "the Leeds store" finds it).
import { useState } from 'react';
import { optionsOf, spokeKindLabels, spokeKinds, type SpokeKind } from '../../api/vocabulary.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { linesOf, textOfLines } from '../../ui/text-lines.ts';
import { useAllSpokes } from './api/list-spokes.ts';
import type { Place, Spoke, SpokeInput } from './types.ts';

const placeFields = ['address', 'city', 'region', 'country'] as const;
const placeLabels: Record<(typeof placeFields)[number], string> = {
  address: 'Address',
  city: 'City',
  region: 'Region',
  country: 'Country',
};

/** The form's state: every input as typed. */
interface SpokeDraft {
  kind: SpokeKind;
  name: string;
  parentSpokeId: string;
  place: Record<keyof Place, string>;
  /** One name a line. */
  aliases: string;
}

function toDraft(spoke?: Spoke): SpokeDraft {
  const place = spoke?.place;
  return {
    kind: spoke?.kind ?? 'department',
    name: spoke?.name ?? '',
    parentSpokeId: spoke?.parentSpokeId ?? '',
    place: {
      address: place?.address ?? '',
      city: place?.city ?? '',
      region: place?.region ?? '',
      country: place?.country ?? '',
      latitude: place?.latitude?.toString() ?? '',
      longitude: place?.longitude?.toString() ?? '',
    },
    aliases: textOfLines(spoke?.aliases ?? []),
  };
}

const textOrNull = (value: string) => value.trim() || null;
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

function toInput(draft: SpokeDraft): SpokeInput {
  const { place } = draft;
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    parentSpokeId: draft.parentSpokeId || null,
    place: {
      address: textOrNull(place.address),
      city: textOrNull(place.city),
      region: textOrNull(place.region),
      country: textOrNull(place.country),
      latitude: numberOrNull(place.latitude),
      longitude: numberOrNull(place.longitude),
    },
    aliases: linesOf(draft.aliases),
  };
}

interface SpokeFormProps {
  spoke?: Spoke;
  submitLabel: string;
  onSubmit: (input: SpokeInput) => void;
  busy: boolean;
  error: Error | null;
}

export function SpokeForm({ spoke, submitLabel, onSubmit, busy, error }: SpokeFormProps) {
  const [draft, setDraft] = useState(() => toDraft(spoke));
  const allSpokes = useAllSpokes();
  const set = (patch: Partial<SpokeDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setPlace = (patch: Partial<SpokeDraft['place']>) => set({ place: { ...draft.place, ...patch } });

  // A spoke cannot be its own parent; the server refuses deeper cycles.
  const parentOptions = [
    { value: '', label: allSpokes.isPending ? 'Loading spokes…' : 'None (top level)' },
    ...(allSpokes.data ?? []).filter((other) => other.id !== spoke?.id).map((other) => ({ value: other.id, label: other.name })),
  ];

  return (
    <Form onSubmit={() => onSubmit(toInput(draft))} error={error}>
      <div className="form__grid">
        <TextField label="Name" field="name" required data-autofocus
          value={draft.name} onChange={(event) => set({ name: event.target.value })} />
        <SelectField label="Kind" field="kind" options={optionsOf(spokeKinds, spokeKindLabels)}
          value={draft.kind} onChange={(event) => set({ kind: event.target.value as SpokeKind })} />
        <SelectField label="Parent spoke" field="parentSpokeId" options={parentOptions}
          hint={allSpokes.isError ? `Spokes could not be loaded: ${allSpokes.error.message}` : undefined}
          value={draft.parentSpokeId} onChange={(event) => set({ parentSpokeId: event.target.value })} />
      </div>
      <TextAreaField label="Also known as" field="aliases" rows={3}
        hint={draft.kind === 'store'
          ? 'One name a line, e.g. “the Leeds store”, so mentions that say it find this store.'
          : 'One name a line: other names people use for it.'}
        value={draft.aliases} onChange={(event) => set({ aliases: event.target.value })} />
      <fieldset className="form__fieldset">
        <legend>Place</legend>
        <div className="form__grid">
          {placeFields.map((key) => (
            <TextField key={key} label={placeLabels[key]} field={`place.${key}`}
              value={draft.place[key]} onChange={(event) => setPlace({ [key]: event.target.value })} />
          ))}
          <TextField label="Latitude" field="place.latitude" type="number" step="any" min={-90} max={90}
            value={draft.place.latitude} onChange={(event) => setPlace({ latitude: event.target.value })} />
          <TextField label="Longitude" field="place.longitude" type="number" step="any" min={-180} max={180}
            value={draft.place.longitude} onChange={(event) => setPlace({ longitude: event.target.value })} />
        </div>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
