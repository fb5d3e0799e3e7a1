// A labelled form control with its hint and its problems from the server. Labels are
// real <label>s and problems are tied to the control with aria-describedby, so
// screen readers read them and tests can find a control by its label.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { FieldProblems, useFieldProblems } from './form.tsx';

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldOwnProps {
  label: string;
  /** Path of the value in the request body, to show the server's problems with it. */
  field?: string;
  hint?: ReactNode;
}

interface FieldProps extends FieldOwnProps {
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, field, hint, children }: FieldProps) {
  const id = useId();
  const problems = useFieldProblems(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [hintId, problemsId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problemsId ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <p id={hintId} className="field__hint">{hint}</p>}
      <FieldProblems id={problemsId} messages={problems} />
    </div>
  );
}

type TextFieldProps = FieldOwnProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ label, field, hint, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} field={field} hint={hint}>
      {(control) => <input className={['input', className].filter(Boolean).join(' ')} {...input} {...control} />}
    </Field>
  );
}

type TextAreaFieldProps = FieldOwnProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ label, field, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} field={field} hint={hint}>
      {(control) => <textarea className={['input', className].filter(Boolean).join(' ')} {...textarea} {...control} />}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectFieldProps = FieldOwnProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { options: Option[] };

export function SelectField({ label, field, hint, options, className, ...select }: SelectFieldProps) {
  return (
    <Field label={label} field={field} hint={hint}>
      {(control) => (
        <select className={['input', className].filter(Boolean).join(' ')} {...select} {...control}>
          {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      )}
    </Field>
  );
}
