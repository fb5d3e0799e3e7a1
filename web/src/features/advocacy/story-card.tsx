// A story as people see it: its image, title (linking to the page), site, summary,
// the talking points (points to make, never a script), suggested hashtags and dates;
// ended ones marked expired. The feed adds "Share", the management list its badges,
// audience and decisions.
import { useState, type ReactNode } from 'react';
import { DateTime } from '../../ui/date-time.tsx';
import type { Story } from './types.ts';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function StoryDates({ story }: { story: Story }) {
  if (story.expired) return <p className="story-card__dates">Ended <DateTime value={story.endsAt} /></p>;
  if (!story.startsAt && !story.endsAt) return null;
  return (
    <p className="story-card__dates">
      {story.startsAt && <>From <DateTime value={story.startsAt} /> </>}
      {story.endsAt && <>until <DateTime value={story.endsAt} /></>}
    </p>
  );
}

interface StoryCardProps {
  story: Story;
  /** Beside the site name, e.g. the story's status. */
  badges?: ReactNode;
  /** Below the story: what the reader can do with it. */
  children?: ReactNode;
}

export function StoryCard({ story, badges, children }: StoryCardProps) {
  const [imageFailed, setImageFailed] = useState(false);
  return (
    <article className="story-card" aria-label={story.title} data-expired={story.expired || undefined}>
      {story.imageUrl && !imageFailed && (
        // The title says what the story is; the image only illustrates it.
        <img className="story-card__image" src={story.imageUrl} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setImageFailed(true)} />
      )}
      <div className="story-card__body">
        <header className="story-card__header">
          <h2 className="story-card__title"><a href={story.url} target="_blank" rel="noopener noreferrer">{story.title}</a></h2>
          <p className="story-card__site">
            <span>{story.siteName || hostOf(story.url)}</span>
            {story.expired && <span className="badge badge--expired">Expired</span>}
            {badges}
          </p>
        </header>
        {story.summary && <p className="story-card__summary">{story.summary}</p>}
        {story.talkingPoints.length > 0 && (
          <section className="story-card__points" aria-label="Talking points">
            <h3 className="story-card__label">Points you might make, in your own words</h3>
            <ul>{story.talkingPoints.map((point) => <li key={point}>{point}</li>)}</ul>
          </section>
        )}
        {story.hashtags.length > 0 && (
          <ul className="chips story-card__hashtags" aria-label="Suggested hashtags">
            {story.hashtags.map((tag) => <li key={tag} className="chip">{tag}</li>)}
          </ul>
        )}
        <StoryDates story={story} />
        {children}
      </div>
    </article>
  );
}
