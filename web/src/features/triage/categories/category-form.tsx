// Create and edit a category: its name, what it is for, the keywords that decide it
// outright, and where it stands in the list.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { linesOf, textOfLines } from '../../../ui/text-lines.ts';
import type { Category, CategoryInput } from '../types.ts';

interface CategoryFormProps {
  category?: Category;
  submitLabel: string;
  onSubmit: (input: CategoryInput) => void;
  busy: boolean;
  error: Error | null;
}

export function CategoryForm({ category, submitLabel, onSubmit, busy, error }: CategoryFormProps) {
  const [name, setName] = useState(category?.name ?? '');
  const [description, setDescription] = useState(category?.description ?? '');
  const [keywords, setKeywords] = useState(textOfLines(category?.keywords ?? []));
  const [position, setPosition] = useState(category?.position.toString() ?? '');

  const toInput = (): CategoryInput => ({
    name: name.trim(),
    description: description.trim() || null,
    keywords: linesOf(keywords, { commas: true }),
    ...(position.trim() === '' ? {} : { position: Number(position) }),
  });

  return (
    <Form onSubmit={() => onSubmit(toInput())} error={error}>
      <div className="form__grid">
        <TextField label="Name" field="name" required maxLength={100} data-autofocus
          value={name} onChange={(event) => setName(event.target.value)} />
        <TextField label="Position" field="position" type="number" min={0} max={10_000} step={1}
          hint="Lower numbers come first." value={position} onChange={(event) => setPosition(event.target.value)} />
      </div>
      <TextField label="Description" field="description" maxLength={500}
        value={description} onChange={(event) => setDescription(event.target.value)} />
      <TextAreaField label="Keywords" field="keywords" rows={4}
        hint="One a line or separated by commas. A mention that says one of them goes to this category, whatever the model thinks."
        value={keywords} onChange={(event) => setKeywords(event.target.value)} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
