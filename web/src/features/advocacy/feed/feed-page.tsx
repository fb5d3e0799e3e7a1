// "Stories for you": the live stories whose audience includes the person (their spokes,
// skills and languages), each with its talking points and a way to share it in their
// own words; stories that ended lately come last, marked expired.
import { Link } from 'react-router';
import { buttonClass } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useFeed } from '../api/get-feed.ts';
import { PausedBanner } from '../paused-banner.tsx';
import { StoryCard } from '../story-card.tsx';

export function FeedPage() {
  const feed = useFeed();
  const suggest = <Link className={buttonClass()} to="/advocacy/stories?new=1">Suggest a story</Link>;
  return (
    <>
      <PageHeader title="Stories for you" actions={suggest}
        description="News from the company to share with your own network, in your own words. Each share gets its own link, so you see what it reached." />
      <PausedBanner />
      {feed.isPending ? <Loading label="Loading your stories…" />
        : !feed.data ? <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        : feed.data.length === 0 ? (
          <EmptyState title="No stories for you right now." action={suggest}>
            When the hub or your spoke lead publishes a story for your spokes, skills or languages, it appears here.
            Seen something worth spreading? Suggest it.
          </EmptyState>
        ) : (
          <ul className="plain-list story-list" aria-label="Stories for you" aria-busy={feed.isFetching || undefined}>
            {feed.data.map((story) => (
              <li key={story.id}>
                <StoryCard story={story}>
                  {!story.expired && (
                    <div className="form__actions">
                      <Link className={buttonClass('primary')} to={`/advocacy/share/${story.id}`} aria-label={`Share “${story.title}”`}>Share</Link>
                    </div>
                  )}
                </StoryCard>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
