// A story in the management list: its status and origin, who looks after it, its
// audience and any review note, and the decisions the person may take on it
// (approve, reject, pause, resume, change). Decisions the server refuses say why.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePauseStory } from '../api/pause-story.ts';
import type { StoryReview } from '../api/review-story.ts';
import { StoryCard } from '../story-card.tsx';
import { reviewableStatuses, storyOriginLabels, storyStatusLabels, type SpokeChoice, type Story } from '../types.ts';
import type { AdvocacyAccess } from '../use-advocacy-access.ts';
import { ReviewDialog } from './review-dialog.tsx';

interface ManagedStoryCardProps {
  story: Story;
  spokes: SpokeChoice[];
  access: AdvocacyAccess;
  onEdit: (story: Story) => void;
}

function audienceOf(story: Story, spokeName: (id: string) => string): string {
  const parts = [
    story.audienceSpokeIds.length > 0 && `spokes ${story.audienceSpokeIds.map(spokeName).join(', ')}`,
    story.audienceSkills.length > 0 && `skills ${story.audienceSkills.join(', ')}`,
    story.audienceLanguages.length > 0 && `languages ${story.audienceLanguages.map((code) => code.toUpperCase()).join(', ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'Everyone';
}

export function ManagedStoryCard({ story, spokes, access, onEdit }: ManagedStoryCardProps) {
  const [deciding, setDeciding] = useState<StoryReview['decision'] | null>(null);
  const pause = usePauseStory();
  const toast = useToast();
  const spokeName = (id: string) => spokes.find((spoke) => spoke.id === id)?.name ?? 'a spoke';
  const mayReview = access.reviews(story);
  const setPaused = (paused: boolean) =>
    pause.mutate({ storyId: story.id, paused }, { onSuccess: () => toast(paused ? 'Paused: nobody can share it meanwhile.' : 'Resumed.') });

  const badges = (
    <>
      <span className={`badge badge--story-${story.status}`} data-testid="story-status">{storyStatusLabels[story.status]}</span>
      <span className="badge">{storyOriginLabels[story.origin]}</span>
    </>
  );
  return (
    <StoryCard story={story} badges={badges}>
      <dl className="story-card__facts">
        <div><dt>Looked after by</dt><dd>{story.spokeId ? spokeName(story.spokeId) : 'The hub'}</dd></div>
        <div><dt>Audience</dt><dd>{audienceOf(story, spokeName)}</dd></div>
      </dl>
      {story.reviewNote && <p className="story-card__note"><strong>Review note:</strong> {story.reviewNote}</p>}
      <div className="form__actions">
        {story.status === 'live' && !story.expired && <Link className={buttonClass('primary')} to={`/advocacy/share/${story.id}`}>Share</Link>}
        {mayReview && reviewableStatuses.includes(story.status) && (
          <>
            <Button variant="primary" onClick={() => setDeciding('approve')}>Approve</Button>
            <Button variant="danger" onClick={() => setDeciding('reject')}>Reject</Button>
          </>
        )}
        {mayReview && story.status === 'live' && !story.expired && <Button busy={pause.isPending} onClick={() => setPaused(true)}>Pause</Button>}
        {mayReview && story.status === 'paused' && <Button busy={pause.isPending} onClick={() => setPaused(false)}>Resume</Button>}
        {mayReview && <Button variant="quiet" onClick={() => onEdit(story)}>Change</Button>}
      </div>
      {pause.error && <ErrorState error={pause.error} />}
      {mayReview && <ReviewDialog story={story} decision={deciding} onClose={() => setDeciding(null)} />}
    </StoryCard>
  );
}
