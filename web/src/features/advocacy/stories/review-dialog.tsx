// Approving (it goes live; a colleague's suggestion earns them points) or rejecting a
// story, with a note its author sees.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useReviewStory, type StoryReview } from '../api/review-story.ts';
import type { Story } from '../types.ts';

interface ReviewDialogProps {
  story: Story;
  decision: StoryReview['decision'] | null;
  onClose: () => void;
}

export function ReviewDialog({ story, decision, onClose }: ReviewDialogProps) {
  const review = useReviewStory();
  const toast = useToast();
  const [note, setNote] = useState('');
  const approving = decision === 'approve';
  const close = () => {
    review.reset();
    setNote('');
    onClose();
  };
  return (
    <Dialog open={decision !== null} onClose={close} title={`${approving ? 'Approve' : 'Reject'} “${story.title}”`}>
      <Form error={review.error} onSubmit={() => {
        if (!decision) return;
        review.mutate({ storyId: story.id, review: { decision, ...(note.trim() && { note: note.trim() }) } }, {
          onSuccess: () => { toast(approving ? 'Approved: the story is live.' : 'Rejected.'); close(); },
        });
      }}>
        <p>{approving ? 'It goes live at once (or at its start date) for its audience.' : 'It is not shown to anyone but its author and reviewers.'}</p>
        <TextAreaField label={approving ? 'Note for its author (optional)' : 'Why it is rejected'} field="note" rows={3} maxLength={2000} value={note}
          required={!approving} onChange={(event) => setNote(event.target.value)} data-autofocus />
        <div className="form__actions">
          <Button type="submit" variant={approving ? 'primary' : 'danger'} busy={review.isPending}>{approving ? 'Approve story' : 'Reject story'}</Button>
          <Button onClick={close}>Cancel</Button>
        </div>
      </Form>
    </Dialog>
  );
}
