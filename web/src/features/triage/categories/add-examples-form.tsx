// Typing in examples of a category, one a line; the model learns them within seconds.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { linesOf } from '../../../ui/text-lines.ts';
import { useToast } from '../../../ui/toast.tsx';
import { useAddExamples } from '../api/add-examples.ts';

export function AddExamplesForm({ categoryId }: { categoryId: string }) {
  const [text, setText] = useState('');
  const add = useAddExamples(categoryId);
  const toast = useToast();
  const texts = linesOf(text);

  return (
    <Form className="add-examples" error={add.error} onSubmit={() => add.mutate(texts, {
      onSuccess: ({ added }) => {
        setText('');
        toast(added === 1 ? 'Example added.' : `${added} examples added.`);
      },
    })}>
      <TextAreaField label="New examples" field="texts" rows={4}
        hint="One a line, as a customer would write it, e.g. “my parcel never arrived”."
        value={text} onChange={(event) => setText(event.target.value)} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending} disabled={texts.length === 0}>
          {texts.length > 1 ? `Add ${texts.length} examples` : 'Add example'}
        </Button>
      </div>
    </Form>
  );
}
