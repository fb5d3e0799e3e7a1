// Story feeds: the company's own blogs and newsrooms whose new items become stories,
// live at once or waiting for review. Hub admins and PR leads look after every feed,
// spoke leads those of their spokes. Each shows how its reading goes, and can be read
// now, changed, switched off or on, and removed.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { useSpokeChoices } from '../api/list-spokes.ts';
import { useStoryFeeds } from '../api/list-story-feeds.ts';
import type { SpokeChoice, StoryFeed } from '../types.ts';
import { useAdvocacyAccess } from '../use-advocacy-access.ts';
import { StoryFeedActions } from './story-feed-actions.tsx';
import { StoryFeedDialog } from './story-feed-dialog.tsx';
import { StoryFeedHealth } from './story-feed-health.tsx';

/** `undefined`: no dialog; `null`: a new feed; a feed: changing it. */
type Editing = StoryFeed | null | undefined;

function feedColumns(spokes: SpokeChoice[], onEdit: (feed: StoryFeed) => void): Column<StoryFeed>[] {
  const spokeName = (id: string) => spokes.find((spoke) => spoke.id === id)?.name ?? 'A spoke';
  return [
    {
      header: 'Feed',
      cell: (feed) => (
        <div className="story-feed-row__name">
          {feed.title ? <strong>{feed.title}</strong> : <span className="muted">No title of its own</span>}
          <a href={feed.url} target="_blank" rel="noopener noreferrer">{feed.url}</a>
        </div>
      ),
    },
    { header: 'Reviewed by', cell: (feed) => (feed.spokeId ? spokeName(feed.spokeId) : 'The hub') },
    {
      header: 'New items',
      cell: (feed) => (feed.autoApprove
        ? <span className="badge badge--story-live story-feed-badge" data-testid="story-feed-auto-approve">Auto-approved</span>
        : <span className="badge badge--story-in_review story-feed-badge" data-testid="story-feed-auto-approve">Reviewed first</span>),
    },
    {
      header: 'Status',
      cell: (feed) => <span className={`badge ${feed.enabled ? 'badge--active' : 'badge--story-paused'}`} data-testid="story-feed-status">{feed.enabled ? 'On' : 'Off'}</span>,
    },
    { header: 'Polling', cell: (feed) => <StoryFeedHealth feed={feed} /> },
    { header: 'Actions', cell: (feed) => <StoryFeedActions feed={feed} onEdit={onEdit} /> },
  ];
}

export function StoryFeedsPage() {
  const access = useAdvocacyAccess();
  const feeds = useStoryFeeds();
  const spokes = useSpokeChoices();
  const [editing, setEditing] = useState<Editing>(undefined);
  const addButton = <Button variant="primary" onClick={() => setEditing(null)}>Add a feed</Button>;

  return (
    <>
      <PageHeader title="Story feeds" actions={addButton}
        description={`The company’s own blogs and newsrooms (RSS, Atom, JSON Feed): Herd reads them every half hour and makes their new items stories, live at once or waiting for review.${access.reviewsAll ? '' : ' You look after the feeds of the spokes you lead.'}`} />
      {feeds.isPending ? <Loading label="Loading the story feeds…" />
        : !feeds.data ? <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />
        : feeds.data.length === 0 ? (
          <EmptyState title="No story feeds yet." action={addButton}>
            Add the feed of the company’s blog or newsroom, and its new posts become stories for colleagues to share.
          </EmptyState>
        ) : (
          <div aria-busy={feeds.isFetching || undefined}>
            <Table caption="Story feeds" columns={feedColumns(spokes.data ?? [], setEditing)} rows={feeds.data} rowKey={(feed) => feed.id} />
          </div>
        )}
      <StoryFeedDialog open={editing !== undefined} feed={editing ?? undefined} access={access} spokes={spokes.data ?? []} onClose={() => setEditing(undefined)} />
    </>
  );
}
