// How a feed's reading goes: the last good read, the next one (none while it is
// switched off), failures in a row and the last error, as a warning: polling backs
// off after each failure, so a broken feed is seen before it goes quiet for hours.
import { DateTime } from '../../../ui/date-time.tsx';
import type { StoryFeed } from '../types.ts';

export function StoryFeedHealth({ feed }: { feed: StoryFeed }) {
  return (
    <div className="story-feed-health">
      <dl>
        <div><dt>Last polled</dt><dd>{feed.lastPolledAt ? <DateTime value={feed.lastPolledAt} /> : 'Not yet'}</dd></div>
        <div><dt>Next poll</dt><dd>{feed.enabled ? <DateTime value={feed.nextPollAt} /> : 'Switched off'}</dd></div>
        {feed.consecutiveFailures > 0 && <div><dt>Failures in a row</dt><dd data-testid="story-feed-failures">{feed.consecutiveFailures}</dd></div>}
      </dl>
      {feed.lastError && (
        <p className="story-feed-health__error" data-testid="story-feed-error">
          <span aria-hidden="true">⚠ </span><strong>Last read failed:</strong> {feed.lastError}
        </p>
      )}
    </div>
  );
}
