// What "Poll now" found: stories made from new items (live at once or waiting for
// review), items already known and items left out; or that nothing changed since the
// last read; or why the feed could not be read.
import { Link } from 'react-router';
import type { StoryFeedPollResult } from '../types.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function StoryFeedPollOutcome({ result }: { result: StoryFeedPollResult }) {
  if (result.error) {
    return (
      <p className="story-feed-poll story-feed-poll--failed" data-testid="story-feed-poll-result">
        <strong>Could not read it:</strong> {result.error} Herd tries again later, waiting longer after each failure.
      </p>
    );
  }
  if (result.notModified) {
    return <p className="story-feed-poll" data-testid="story-feed-poll-result">Not modified since the last read: nothing new.</p>;
  }
  return (
    <div className="story-feed-poll" data-testid="story-feed-poll-result">
      <p>
        Read just now: <strong>{count(result.newStories, 'new story', 'new stories')}</strong>, {count(result.alreadyKnown, 'item', 'items')} already known,{' '}
        {count(result.leftOut, 'item', 'items')} left out.
      </p>
      {result.newStories > 0 && (result.feed.autoApprove
        ? <p>They are live in colleagues’ feeds.</p>
        : <p>They wait for review: <Link to="/advocacy/stories?status=in_review">see them in Stories</Link>.</p>)}
      {result.leftOut > 0 && <p className="muted">Left out: items without a link or a date, older than the poll looks back, or beyond 20 at a time.</p>}
    </div>
  );
}
