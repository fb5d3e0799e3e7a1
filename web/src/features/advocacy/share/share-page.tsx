// Sharing one story: the story as a reminder of what it says, then the composer; once
// shared, what to do next.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useStory } from '../api/get-story.ts';
import { PausedBanner } from '../paused-banner.tsx';
import { StoryCard } from '../story-card.tsx';
import type { Share } from '../types.ts';
import { ShareComposer } from './share-composer.tsx';
import { ShareDone } from './share-done.tsx';

export function SharePage() {
  const { storyId = '' } = useParams();
  const story = useStory(storyId);
  const [shared, setShared] = useState<Share | null>(null);
  return (
    <>
      <PageHeader title="Share a story" description={<>In your own words: people trust colleagues, not slogans. <Link to="/advocacy">Back to your stories</Link></>} />
      <PausedBanner />
      {story.isPending ? <Loading label="Loading the story…" />
        : !story.data ? <ErrorState error={story.error} onRetry={() => void story.refetch()} />
        : (
          <div className="share-page">
            <StoryCard story={story.data} />
            {shared
              ? <ShareDone share={shared} onShareAgain={() => setShared(null)} />
              : <ShareComposer story={story.data} onShared={setShared} />}
          </div>
        )}
    </>
  );
}
