import { SelectField } from '../../../ui/field.tsx';
import type { Grouping } from '../types.ts';

export type RowGrouping = Exclude<Grouping, 'org'>;

const labels: Record<RowGrouping, string> = { spoke: 'Spoke', person: 'Person', day: 'Day', week: 'Week', month: 'Month' };

/** How a table of conversations is split into rows: per spoke or person, or over time. */
export function GroupingSelect({ value, onChange }: { value: RowGrouping; onChange: (grouping: RowGrouping) => void }) {
  return (
    <SelectField label="Per" value={value} onChange={(event) => onChange(event.target.value as RowGrouping)}
      options={(Object.keys(labels) as RowGrouping[]).map((grouping) => ({ value: grouping, label: labels[grouping] }))} />
  );
}
