// Choosing several of a list (topics, people, sentiments) as checkboxes in a fieldset,
// with the server's problems for the list shown above them.
import { FieldProblems, useFieldProblems } from './form.tsx';
import './checkbox-list.css';

interface CheckboxListProps {
  legend: string;
  field?: string;
  options: { value: string; label: string }[] | undefined;
  value: string[];
  onChange: (value: string[]) => void;
}

export function CheckboxList({ legend, field, options, value, onChange }: CheckboxListProps) {
  const problems = useFieldProblems(field);
  return (
    <fieldset className="checkbox-list">
      <legend>{legend}</legend>
      <FieldProblems messages={problems} />
      {!options ? <p className="muted small">Loading…</p> : options.length === 0 ? <p className="muted small">None to choose from.</p> : (
        <ul className="plain-list">
          {options.map((option) => (
            <li key={option.value}>
              <label className="checkbox-label">
                <input type="checkbox" className="checkbox" checked={value.includes(option.value)}
                  onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))} />
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
