// Switching a topic on and off, editing and deleting it, for hub admins.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useDeleteTopic } from '../api/delete-topic.ts';
import { useUpdateTopic } from '../api/update-topic.ts';
import type { Topic } from '../types.ts';

export function TopicActiveToggle({ topic }: { topic: Topic }) {
  const update = useUpdateTopic(topic.id);
  const toast = useToast();
  return (
    <input type="checkbox" role="switch" className="checkbox" aria-label={`${topic.name} is active`}
      checked={update.isPending ? !topic.active : topic.active} disabled={update.isPending}
      onChange={(event) => update.mutate({ active: event.target.checked }, {
        onError: (error) => toast(`Could not change ${topic.name}: ${error.message}`),
      })} />
  );
}

export function TopicRowActions({ topic, onEdit }: { topic: Topic; onEdit: (topic: Topic) => void }) {
  const remove = useDeleteTopic();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const confirmDelete = () => remove.mutate(topic.id, {
    onSuccess: () => {
      setConfirming(false);
      toast('Topic deleted.');
    },
  });

  return (
    <div className="row-actions__buttons">
      <Button onClick={() => onEdit(topic)} aria-label={`Edit ${topic.name}`}>Edit</Button>
      <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete ${topic.name}`}>Delete</Button>
      <ConfirmDialog open={confirming} title="Delete this topic?" confirmLabel="Delete topic"
        onConfirm={confirmDelete} onClose={() => { remove.reset(); setConfirming(false); }}
        busy={remove.isPending} error={remove.error}>
        <p>New mentions will no longer be matched against {topic.name}. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
