// Choosing the part of a reply a comment is about: select it in a read-only copy of
// the text (by mouse or with Shift and the arrow keys); the choice is quoted below.
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../ui/button.tsx';
import { FieldProblems, useFieldProblems } from '../../../ui/form.tsx';
import type { Span } from '../types.ts';

interface SpanPickerProps {
  text: string;
  span: Span | null;
  onChange: (span: Span | null) => void;
}

export function SpanPicker({ text, span, onChange }: SpanPickerProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const problems = useFieldProblems('span');
  // Show a part chosen before the dialog opened (selected in the card) as the selection.
  const initial = useRef(span);
  useEffect(() => {
    if (initial.current) ref.current?.setSelectionRange(initial.current.start, initial.current.end);
  }, []);

  const takeSelection = (textarea: HTMLTextAreaElement) => {
    if (textarea.selectionEnd > textarea.selectionStart) onChange({ start: textarea.selectionStart, end: textarea.selectionEnd });
  };
  return (
    <div className="field span-picker">
      <label className="field__label" htmlFor={id}>The part you comment on (optional)</label>
      <textarea id={id} ref={ref} className="input span-picker__text" readOnly rows={Math.min(8, Math.max(3, Math.ceil(text.length / 60)))} value={text}
        aria-describedby={`${id}-hint`} onSelect={(event) => takeSelection(event.currentTarget)}
        onKeyUp={(event) => takeSelection(event.currentTarget)} onMouseUp={(event) => takeSelection(event.currentTarget)} />
      <p id={`${id}-hint`} className="field__hint">Select words in the reply to point at them; leave it to comment on the whole reply.</p>
      {span && (
        <p className="span-picker__chosen" data-testid="chosen-span">
          On: <q>{text.slice(span.start, span.end)}</q>{' '}
          <Button variant="quiet" onClick={() => onChange(null)}>Whole reply</Button>
        </p>
      )}
      <FieldProblems messages={problems} />
    </div>
  );
}
