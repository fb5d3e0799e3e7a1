// Adding a story feed or changing one, in a dialog over the list.
import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAddStoryFeed } from '../api/add-story-feed.ts';
import { useUpdateStoryFeed } from '../api/update-story-feed.ts';
import { storyFeedName, type SpokeChoice, type StoryFeed } from '../types.ts';
import type { AdvocacyAccess } from '../use-advocacy-access.ts';
import { StoryFeedForm } from './story-feed-form.tsx';

interface StoryFeedDialogProps {
  open: boolean;
  /** The feed to change; without one, a new feed. */
  feed?: StoryFeed;
  access: AdvocacyAccess;
  spokes: SpokeChoice[];
  onClose: () => void;
}

export function StoryFeedDialog({ open, feed, access, spokes, onClose }: StoryFeedDialogProps) {
  const add = useAddStoryFeed();
  const update = useUpdateStoryFeed();
  const toast = useToast();
  const close = () => {
    add.reset();
    update.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={feed ? `Change “${storyFeedName(feed)}”` : 'Add a story feed'}>
      <StoryFeedForm key={feed?.id ?? 'new'} feed={feed} access={access} spokes={spokes} busy={add.isPending || update.isPending}
        error={feed ? update.error : add.error} onCancel={close}
        onSubmit={(draft) => {
          const settings = { title: draft.title.trim(), spokeId: draft.spokeId || null, autoApprove: draft.autoApprove };
          if (feed) {
            update.mutate({ feedId: feed.id, patch: settings }, { onSuccess: () => { toast('Story feed saved.'); close(); } });
          } else {
            add.mutate({ url: draft.url.trim(), ...settings }, { onSuccess: () => { toast('Story feed added: Herd reads it shortly, or poll it now.'); close(); } });
          }
        }} />
    </Dialog>
  );
}
