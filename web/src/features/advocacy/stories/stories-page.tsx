// Stories: everyone suggests a story here and follows their suggestions; reviewers (PR
// leads and hub admins for all, spoke leads for their spokes) add stories, approve or
// reject suggestions, pause and resume live ones. Filtered by status, newest first.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useSpokeChoices } from '../api/list-spokes.ts';
import { useStories } from '../api/list-stories.ts';
import { storyStatusLabels, storyStatuses, type Story, type StoryStatus } from '../types.ts';
import { useAdvocacyAccess } from '../use-advocacy-access.ts';
import { ManagedStoryCard } from './managed-story-card.tsx';
import { StoryDialog } from './story-dialog.tsx';

/** `undefined`: no dialog; `null`: a new story; a story: changing it. */
type Editing = Story | null | undefined;

export function StoriesPage() {
  const access = useAdvocacyAccess();
  const [search, setSearch] = useSearchParams();
  const status = (search.get('status') ?? '') as StoryStatus | '';
  const stories = useStories(status ? { status } : {});
  const spokes = useSpokeChoices();
  // "Suggest a story" on the feed links here with ?new=1.
  const [editing, setEditing] = useState<Editing>(search.get('new') ? null : undefined);
  const items = stories.data?.pages.flatMap((page) => page.items) ?? [];
  const addLabel = access.publishes ? 'Add a story' : 'Suggest a story';
  const addButton = <Button variant="primary" onClick={() => setEditing(null)}>{addLabel}</Button>;
  const changeSearch = (key: string, value: string) => setSearch((current) => {
    const next = new URLSearchParams(current);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('new');
    return next;
  }, { replace: true });

  return (
    <>
      <PageHeader title="Stories" actions={addButton}
        description={access.publishes
          ? 'Stories for colleagues to share in their own words: add them, review suggestions, pause what should not spread now.'
          : 'Suggest a story worth spreading: a lead reviews it, and approved, it goes to colleagues’ feeds. Your suggestions and live stories are listed here.'} />
      <div className="filters">
        <SelectField label="Status" value={status} onChange={(event) => changeSearch('status', event.target.value)}
          options={[{ value: '', label: 'Any status' }, ...storyStatuses.map((value) => ({ value, label: storyStatusLabels[value] }))]} />
      </div>
      {stories.isPending ? <Loading label="Loading the stories…" />
        : !stories.data ? <ErrorState error={stories.error} onRetry={() => void stories.refetch()} />
        : items.length === 0 ? (
          <EmptyState title={status ? `No ${storyStatusLabels[status].toLowerCase()} stories.` : 'No stories yet.'} action={addButton}>
            {access.publishes ? 'Add a page of the company’s own, with points colleagues might make about it.' : 'Seen something colleagues should share? Suggest it.'}
          </EmptyState>
        ) : (
          <ul className="plain-list story-list" aria-label="Stories" aria-busy={stories.isFetching || undefined}>
            {items.map((story) => (
              <li key={story.id}><ManagedStoryCard story={story} spokes={spokes.data ?? []} access={access} onEdit={setEditing} /></li>
            ))}
          </ul>
        )}
      {stories.isError && stories.data && <ErrorState error={stories.error} onRetry={() => void stories.refetch()} />}
      {stories.hasNextPage && (
        <div className="paged-table__more">
          <Button onClick={() => void stories.fetchNextPage()} busy={stories.isFetchingNextPage}>Load more</Button>
        </div>
      )}
      <StoryDialog open={editing !== undefined} story={editing ?? undefined} access={access}
        onClose={() => { setEditing(undefined); if (search.get('new')) changeSearch('new', ''); }} />
    </>
  );
}
