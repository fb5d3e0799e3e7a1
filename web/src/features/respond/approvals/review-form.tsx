// Asking for changes (with a comment, optionally on a part of the text) or rejecting
// (with the reason), in a dialog over the queue. The server's objections show per field.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useReviewReply } from '../api/review-reply.ts';
import type { Reply, Span } from '../types.ts';
import { SpanPicker } from './span-picker.tsx';

interface ReviewFormProps {
  reply: Reply;
  decision: 'changes_requested' | 'rejected';
  /** A part of the text selected before the form opened. */
  initialSpan: Span | null;
  onDone: (decided: Reply) => void;
  onCancel: () => void;
}

export function ReviewForm({ reply, decision, initialSpan, onDone, onCancel }: ReviewFormProps) {
  const review = useReviewReply(reply.id, reply.conversationId);
  const [comment, setComment] = useState('');
  const [span, setSpan] = useState<Span | null>(decision === 'changes_requested' ? initialSpan : null);
  const asking = decision === 'changes_requested';
  return (
    <Form error={review.error}
      onSubmit={() => review.mutate({ decision, comment: comment.trim(), ...(span && { span }) }, { onSuccess: onDone })}>
      {asking && <SpanPicker text={reply.text} span={span} onChange={setSpan} />}
      <TextAreaField label={asking ? 'What should change' : 'Why it is rejected'} field="comment" rows={3} required value={comment}
        onChange={(event) => setComment(event.target.value)} data-autofocus
        hint={asking ? 'The author sees this with the part you chose, and revises the reply.' : 'The author sees this; a rejected reply is not sent.'} />
      <div className="form__actions">
        <Button type="submit" variant={asking ? 'primary' : 'danger'} busy={review.isPending}>{asking ? 'Request changes' : 'Reject reply'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
