// Create and edit a topic: a name and the query that picks its mentions, checked while typing.
import { useState } from 'react';
import { ApiError, isApiError } from '../../../api/client.ts';
import { Button } from '../../../ui/button.tsx';
import { Field, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import type { Topic, TopicInput } from '../types.ts';
import { QueryCheck } from './query-check.tsx';
import { QueryCheatSheet } from './query-cheat-sheet.tsx';

/** The server names a bad query's field `query`; the form looks problems up as `body.query`. */
function withBodyPaths(error: Error | null): Error | null {
  if (!isApiError(error) || !Array.isArray(error.details)) return error;
  const details = error.details.map((detail: unknown) => {
    const field = (detail as { field?: unknown } | null)?.field;
    return typeof field === 'string' && !field.startsWith('body.') ? { ...(detail as object), field: `body.${field}` } : detail;
  });
  return new ApiError(error.status, error.code, error.message, details);
}

interface TopicFormProps {
  topic?: Topic;
  submitLabel: string;
  onSubmit: (input: TopicInput) => void;
  busy: boolean;
  error: Error | null;
}

export function TopicForm({ topic, submitLabel, onSubmit, busy, error }: TopicFormProps) {
  const [name, setName] = useState(topic?.name ?? '');
  const [query, setQuery] = useState(topic?.query ?? '');
  const [active, setActive] = useState(topic?.active ?? true);

  return (
    <Form onSubmit={() => onSubmit({ name: name.trim(), query, active })} error={withBodyPaths(error)}>
      <TextField label="Name" field="name" required maxLength={200} data-autofocus
        value={name} onChange={(event) => setName(event.target.value)} />
      <Field label="Query" field="query">
        {(control) => (
          <textarea className="input input--mono" rows={4} required maxLength={5000} spellCheck={false} {...control}
            value={query} onChange={(event) => setQuery(event.target.value)} />
        )}
      </Field>
      <QueryCheatSheet />
      <QueryCheck query={query} />
      <label className="checkbox-label">
        <input type="checkbox" className="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        Active: match new mentions against this topic
      </label>
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
