// An editable list of small records (skills, working hours, social handles): one row
// per item with its own inputs, a remove button per row and an add button below.
import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { FieldProblems, useFieldProblems } from './form.tsx';

interface RowsFieldProps<Row> {
  legend: string;
  /** Path of the list in the request body; a row's inputs use `${field}.${index}.…`. */
  field: string;
  /** What one row is called, lower case: "skill" gives "Add skill" and "Remove skill 2". */
  itemName: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  newRow: () => Row;
  renderRow: (row: Row, update: (patch: Partial<Row>) => void, index: number) => ReactNode;
}

export function RowsField<Row>({ legend, field, itemName, rows, onChange, newRow, renderRow }: RowsFieldProps<Row>) {
  const problems = useFieldProblems(field, { nested: false });
  const update = (index: number) => (patch: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));

  return (
    <fieldset className="rows-field">
      <legend>{legend}</legend>
      <FieldProblems messages={problems} />
      {rows.length === 0 && <p className="muted">None yet.</p>}
      {rows.map((row, index) => (
        // Rows have no identity of their own; every input is controlled, so the index is a safe key.
        <div key={index} className="rows-field__row" role="group" aria-label={`${itemName} ${index + 1}`}>
          {renderRow(row, update(index), index)}
          <Button variant="quiet" className="rows-field__remove" onClick={() => remove(index)} aria-label={`Remove ${itemName} ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button onClick={() => onChange([...rows, newRow()])}>Add {itemName}</Button>
      </div>
    </fieldset>
  );
}
