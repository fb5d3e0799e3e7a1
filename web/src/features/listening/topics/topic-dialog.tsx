// A new topic, or changes to one, in a dialog over the list.
import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCreateTopic } from '../api/create-topic.ts';
import { useUpdateTopic } from '../api/update-topic.ts';
import type { Topic } from '../types.ts';
import { TopicForm } from './topic-form.tsx';

interface TopicDialogProps {
  /** The topic to edit; without one the dialog creates a topic. */
  topic?: Topic;
  open: boolean;
  onClose: () => void;
}

export function TopicDialog({ topic, open, onClose }: TopicDialogProps) {
  const createTopic = useCreateTopic();
  const updateTopic = useUpdateTopic(topic?.id ?? '');
  const save = topic ? updateTopic : createTopic;
  const toast = useToast();
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title={topic ? `Edit ${topic.name}` : 'New topic'}>
      <TopicForm
        topic={topic}
        submitLabel={topic ? 'Save changes' : 'Create topic'}
        busy={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input, {
          onSuccess: () => {
            toast(topic ? 'Topic saved.' : 'Topic created.');
            close();
          },
        })}
      />
    </Dialog>
  );
}
