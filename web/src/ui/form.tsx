// A form that knows the server's answer: a failed submit shows the error message and
// code on top, and each field finds its own problems in the error's `details` by path
// (the server names them `body.email`, `body.skills.0.level`, ...).
import { createContext, useContext, type FormEventHandler, type FormHTMLAttributes } from 'react';
import { isApiError, type FieldProblem } from '../api/client.ts';
import { ErrorState } from './error-state.tsx';

const ProblemsContext = createContext<FieldProblem[]>([]);

/**
 * The messages for one field, given as its path in the request body (`email`,
 * `skills.0.level`). With `nested`, problems inside the field count too, e.g. one
 * bad entry of a list typed into a single input.
 */
export function useFieldProblems(field: string | undefined, { nested = true } = {}): string[] {
  const problems = useContext(ProblemsContext);
  if (!field) return [];
  const path = `body.${field}`;
  return problems
    .filter((problem) => problem.field === path || (nested && problem.field.startsWith(`${path}.`)))
    .map((problem) => problem.message);
}

interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  onSubmit: () => void;
  /** The last failed submit, if any. */
  error?: Error | null;
}

export function Form({ onSubmit, error, children, className, ...rest }: FormProps) {
  const submit: FormEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <ProblemsContext value={isApiError(error) ? error.fieldProblems : []}>
      <form className={['form', className].filter(Boolean).join(' ')} onSubmit={submit} {...rest}>
        {error && <ErrorState error={error} />}
        {children}
      </form>
    </ProblemsContext>
  );
}

export function FieldProblems({ id, messages }: { id?: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="field__problems">
      {messages.map((message) => <li key={message}>{message}</li>)}
    </ul>
  );
}
