// Weekly opening hours in a time zone: the zone, then a row per opening (weekday,
// from, to). Used by the business-hours condition and by spoke calendars.
import { RowsField } from '../../ui/rows-field.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { weekdays, type WeeklySlot } from './types.ts';

interface HoursEditorProps {
  /** Path of the hours in the request body, e.g. `conditions.0.hours` or `` for a calendar. */
  field: string;
  timeZone: string;
  slots: WeeklySlot[];
  onChange: (hours: { timeZone: string; slots: WeeklySlot[] }) => void;
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

export function HoursEditor({ field, timeZone, slots, onChange }: HoursEditorProps) {
  return (
    <div className="hours-editor">
      <TextField label="Time zone" field={join(field, 'timeZone')} value={timeZone} placeholder="Europe/London"
        hint="An IANA time zone, e.g. Europe/London or America/New_York." onChange={(event) => onChange({ timeZone: event.target.value, slots })} />
      <RowsField<WeeklySlot>
        legend="Opening hours"
        field={join(field, 'slots')}
        itemName="opening"
        rows={slots}
        onChange={(rows) => onChange({ timeZone, slots: rows })}
        newRow={() => ({ day: 1, start: '09:00', end: '17:00' })}
        renderRow={(slot, update, index) => (
          <>
            <SelectField label="Day" field={join(field, `slots.${index}.day`)} options={weekdays} value={String(slot.day)}
              onChange={(event) => update({ day: Number(event.target.value) })} />
            <TextField label="From" type="time" field={join(field, `slots.${index}.start`)} value={slot.start} onChange={(event) => update({ start: event.target.value })} />
            <TextField label="To" type="time" field={join(field, `slots.${index}.end`)} value={slot.end} onChange={(event) => update({ end: event.target.value })} />
          </>
        )}
      />
    </div>
  );
}
