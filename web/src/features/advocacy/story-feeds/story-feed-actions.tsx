// What the person can do with one feed: read it now (and see what it found), change
// it, switch it off or on, and remove it (asked first; its stories stay).
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePollStoryFeed } from '../api/poll-story-feed.ts';
import { useRemoveStoryFeed } from '../api/remove-story-feed.ts';
import { useUpdateStoryFeed } from '../api/update-story-feed.ts';
import { storyFeedName, type StoryFeed } from '../types.ts';
import { StoryFeedPollOutcome } from './story-feed-poll-outcome.tsx';

interface StoryFeedActionsProps {
  feed: StoryFeed;
  onEdit: (feed: StoryFeed) => void;
}

export function StoryFeedActions({ feed, onEdit }: StoryFeedActionsProps) {
  const poll = usePollStoryFeed(feed.id);
  const update = useUpdateStoryFeed();
  const remove = useRemoveStoryFeed();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const name = storyFeedName(feed);

  const switchOnOff = () => update.mutate({ feedId: feed.id, patch: { enabled: !feed.enabled } }, {
    onSuccess: () => {
      poll.reset();
      toast(feed.enabled ? `${name} switched off: Herd stops reading it.` : `${name} switched on: Herd reads it shortly.`);
    },
    onError: (error) => toast(`Could not change ${name}: ${error.message}`),
  });
  const confirmRemove = () => remove.mutate(feed.id, { onSuccess: () => { setConfirming(false); toast(`${name} removed; its stories stay.`); } });

  return (
    <div className="story-feed-actions" role="group" aria-label={`Actions for ${name}`}>
      <div className="story-feed-actions__buttons">
        {feed.enabled && <Button variant="primary" onClick={() => poll.mutate()} busy={poll.isPending}>Poll now</Button>}
        <Button onClick={() => onEdit(feed)}>Change</Button>
        <Button onClick={switchOnOff} busy={update.isPending}>{feed.enabled ? 'Switch off' : 'Switch on'}</Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>Remove</Button>
      </div>
      <div role="status">
        {poll.isPending && <p className="story-feed-poll muted">Reading the feed…</p>}
        {poll.isSuccess && <StoryFeedPollOutcome result={poll.data} />}
      </div>
      {poll.isError && <ErrorState error={poll.error} />}
      <ConfirmDialog open={confirming} title={`Remove “${name}”?`} confirmLabel="Remove feed"
        onConfirm={confirmRemove} onClose={() => { remove.reset(); setConfirming(false); }} busy={remove.isPending} error={remove.error}>
        <p>Herd stops reading {feed.url}. The stories it brought stay as they are.</p>
      </ConfirmDialog>
    </div>
  );
}
