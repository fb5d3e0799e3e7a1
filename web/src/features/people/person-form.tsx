// Create and edit a person: who they are, what they know, when they can answer and
// where they speak. Routing uses languages, skills, hours and capacity to pick the
// right colleague for a conversation.
import { useState } from 'react';
import { optionsOf, personStatusLabels, personStatuses, type PersonStatus } from '../../api/vocabulary.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { RowsField } from '../../ui/rows-field.tsx';
import { toDraft, toInput, type PersonDraft } from './person-draft.ts';
import type { Person, PersonInput } from './types.ts';

const timeZoneOptions = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].map((zone) => ({ value: zone, label: zone }));

const weekdayOptions = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
  .map((label, index) => ({ value: String(index + 1), label }));

const levelOptions = [
  { value: '1', label: '1 – beginner' },
  { value: '2', label: '2' },
  { value: '3', label: '3 – capable' },
  { value: '4', label: '4' },
  { value: '5', label: '5 – expert' },
];

interface PersonFormProps {
  /** The person to edit; without one, the form creates a new person. */
  person?: Person;
  submitLabel: string;
  onSubmit: (input: PersonInput) => void;
  busy: boolean;
  error: Error | null;
}

export function PersonForm({ person, submitLabel, onSubmit, busy, error }: PersonFormProps) {
  const [draft, setDraft] = useState(() => toDraft(person));
  const set = (patch: Partial<PersonDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const zones = timeZoneOptions.some((zone) => zone.value === draft.timeZone)
    ? timeZoneOptions
    : [{ value: draft.timeZone, label: draft.timeZone }, ...timeZoneOptions];

  return (
    <Form onSubmit={() => onSubmit(toInput(draft))} error={error}>
      <fieldset className="form__fieldset">
        <legend>Identity</legend>
        <div className="form__grid">
          <TextField label="Name" field="name" required autoComplete="off"
            value={draft.name} onChange={(event) => set({ name: event.target.value })} />
          <TextField label="E-mail" field="email" type="email" required autoComplete="off"
            value={draft.email} onChange={(event) => set({ email: event.target.value })} />
          <TextField label="Title" field="title" hint="Job title, e.g. Store manager."
            value={draft.title} onChange={(event) => set({ title: event.target.value })} />
          <SelectField label="Status" field="status" options={optionsOf(personStatuses, personStatusLabels)}
            value={draft.status} onChange={(event) => set({ status: event.target.value as PersonStatus })} />
          {!person && (
            <TextField label="Initial password" field="password" type="password" autoComplete="new-password"
              hint="Optional. Without one, the person cannot sign in with a password yet."
              value={draft.password} onChange={(event) => set({ password: event.target.value })} />
          )}
        </div>
      </fieldset>

      <fieldset className="form__fieldset">
        <legend>Knowledge</legend>
        <TextField label="Languages" field="languages" hint="Two-letter ISO 639-1 codes, separated by commas, e.g. en, de, fr."
          value={draft.languages} onChange={(event) => set({ languages: event.target.value })} />
        <RowsField legend="Skills" field="skills" itemName="skill" rows={draft.skills}
          onChange={(skills) => set({ skills })} newRow={() => ({ topic: '', level: '3' })}
          renderRow={(row, update, index) => (
            <>
              <TextField label="Topic" field={`skills.${index}.topic`} required
                value={row.topic} onChange={(event) => update({ topic: event.target.value })} />
              <SelectField label="Level" field={`skills.${index}.level`} options={levelOptions}
                value={row.level} onChange={(event) => update({ level: event.target.value })} />
            </>
          )} />
      </fieldset>

      <fieldset className="form__fieldset">
        <legend>Availability</legend>
        <div className="form__grid">
          <SelectField label="Time zone" field="timeZone" options={zones}
            value={draft.timeZone} onChange={(event) => set({ timeZone: event.target.value })} />
          <TextField label="Capacity" field="capacity" type="number" min={0} step={1} required
            hint="Open conversations this person handles at once."
            value={draft.capacity} onChange={(event) => set({ capacity: event.target.value })} />
        </div>
        <RowsField legend="Working hours" field="workingHours" itemName="time slot" rows={draft.workingHours}
          onChange={(workingHours) => set({ workingHours })} newRow={() => ({ day: '1', start: '09:00', end: '17:00' })}
          renderRow={(row, update, index) => (
            <>
              <SelectField label="Day" field={`workingHours.${index}.day`} options={weekdayOptions}
                value={row.day} onChange={(event) => update({ day: event.target.value })} />
              <TextField label="Start" field={`workingHours.${index}.start`} type="time" required
                value={row.start} onChange={(event) => update({ start: event.target.value })} />
              <TextField label="End" field={`workingHours.${index}.end`} type="time" required
                value={row.end} onChange={(event) => update({ end: event.target.value })} />
            </>
          )} />
      </fieldset>

      <RowsField legend="Social handles" field="socialHandles" itemName="handle" rows={draft.socialHandles}
        onChange={(socialHandles) => set({ socialHandles })} newRow={() => ({ network: '', handle: '' })}
        renderRow={(row, update) => (
          <>
            <TextField label="Network" required placeholder="mastodon"
              value={row.network} onChange={(event) => update({ network: event.target.value })} />
            <TextField label="Handle" required placeholder="@ana@social.example"
              value={row.handle} onChange={(event) => update({ handle: event.target.value })} />
          </>
        )} />

      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
