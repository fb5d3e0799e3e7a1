// The mention stream, newest first, with filters, "Load more", and a banner when newer mentions arrive.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { dayStart } from '../../../ui/day-start.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useDebouncedValue } from '../../../ui/use-debounced-value.ts';
import { useMentions } from '../api/list-mentions.ts';
import { useAllSources } from '../api/list-sources.ts';
import { useAllTopics } from '../api/list-topics.ts';
import type { MentionExtra, MentionFilters as Filters } from '../types.ts';
import { MentionCard } from './mention-card.tsx';
import { emptyFilters, MentionFilters, type MentionFilterDraft } from './mention-filters.tsx';
import { useNewMentions } from './use-new-mentions.ts';

function toFilters(draft: MentionFilterDraft, q: string): Filters {
  const language = draft.language.trim().toLowerCase();
  return {
    topicId: draft.topicId,
    sourceId: draft.sourceId,
    language: /^[a-z]{2}$/.test(language) ? language : '',
    from: dayStart(draft.fromDate),
    // The "to" day counts in full: the range ends where the next day starts.
    to: dayStart(draft.toDate, 1),
    q,
  };
}

export function MentionsPage({ extra: Extra }: { extra?: MentionExtra }) {
  const [searchParams] = useSearchParams();
  const [draft, setDraft] = useState<MentionFilterDraft>(() => ({ ...emptyFilters, topicId: searchParams.get('topicId') ?? '' }));
  const q = useDebouncedValue(draft.search.trim());
  const filters = toFilters(draft, q);
  const mentions = useMentions(filters);
  const topics = useAllTopics();
  const sources = useAllSources();
  const topicsById = new Map((topics.data ?? []).map((topic) => [topic.id, topic]));
  const newer = useNewMentions(filters, mentions.data, mentions.isSuccess && !mentions.isPlaceholderData);
  const filtered = Object.values(draft).some((value) => value !== '');
  // Each card learns the ids of its whole page, so an extra fetches for a page at once.
  const items = mentions.data?.pages.flatMap((page) => {
    const batch = page.items.map((mention) => mention.id);
    return page.items.map((mention) => ({ mention, batch }));
  }) ?? [];

  return (
    <>
      <PageHeader title="Mentions" description="Everything the sources brought in, newest first. New mentions are checked for every 5 seconds." />
      <MentionFilters draft={draft} onChange={setDraft} topics={topics.data} sources={sources.data} />
      <div role="status" className="new-mentions-slot">
        {newer.count > 0 && (
          <p className="new-mentions">
            {newer.count}{newer.atLeast ? '+' : ''} new {newer.count === 1 ? 'mention' : 'mentions'} —{' '}
            <Button variant="quiet" onClick={newer.show}>show</Button>
          </p>
        )}
      </div>
      {mentions.isPending ? <Loading label="Loading mentions…" />
        : !mentions.data ? <ErrorState error={mentions.error} onRetry={() => void mentions.refetch()} />
        : (
          <div className="mention-stream" aria-busy={mentions.isFetching || undefined}>
            {items.length === 0
              ? <EmptyState title={filtered ? 'No mentions match these filters.' : 'No mentions yet.'}>
                  {!filtered && 'Once a source is active and a topic matches (or the source collects every post), mentions appear here.'}
                </EmptyState>
              : <ol className="plain-list mention-list">{items.map(({ mention, batch }) => (
                  <li key={mention.id}>
                    <MentionCard mention={mention} topicsById={topicsById}>
                      {Extra && <Extra mentionId={mention.id} batch={batch} />}
                    </MentionCard>
                  </li>
                ))}</ol>}
            {mentions.isError && <ErrorState error={mentions.error} onRetry={() => void mentions.refetch()} />}
            {mentions.hasNextPage && (
              <div className="paged-table__more">
                <Button onClick={() => void mentions.fetchNextPage()} busy={mentions.isFetchingNextPage}>Load more</Button>
              </div>
            )}
          </div>
        )}
    </>
  );
}
