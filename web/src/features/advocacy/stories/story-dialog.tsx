// Adding, suggesting or changing a story, in a dialog over the list.
import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCreateStory } from '../api/create-story.ts';
import { useUpdateStory } from '../api/update-story.ts';
import type { Story } from '../types.ts';
import type { AdvocacyAccess } from '../use-advocacy-access.ts';
import { newStoryOf, storyPatchOf } from './story-draft.ts';
import { StoryForm } from './story-form.tsx';

interface StoryDialogProps {
  open: boolean;
  /** The story to change; without one, a new story. */
  story?: Story;
  access: AdvocacyAccess;
  onClose: () => void;
}

export function StoryDialog({ open, story, access, onClose }: StoryDialogProps) {
  const create = useCreateStory();
  const update = useUpdateStory();
  const toast = useToast();
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const title = story ? `Change “${story.title}”` : access.publishes ? 'Add a story' : 'Suggest a story';
  return (
    <Dialog open={open} onClose={close} title={title}>
      <StoryForm key={story?.id ?? 'new'} story={story} access={access} busy={create.isPending || update.isPending} error={story ? update.error : create.error}
        submitLabel={story ? 'Save changes' : access.publishes ? 'Add story' : 'Suggest story'} onCancel={close}
        onSubmit={(draft) => {
          if (story) {
            update.mutate({ storyId: story.id, patch: storyPatchOf(draft) }, { onSuccess: () => { toast('Story saved.'); close(); } });
          } else {
            create.mutate(newStoryOf(draft, access.publishes), {
              onSuccess: (created) => {
                toast(created.status === 'suggested' ? 'Thank you: your suggestion waits for a lead’s review.' : `Story added (${created.status.replace('_', ' ')}).`);
                close();
              },
            });
          }
        }} />
    </Dialog>
  );
}
