// The foot of a cursor-paginated list that is not a table (cards, a timeline): a failed
// refresh or next page says so with a retry, and "Load more" stays while the server
// says there is a next page. PagedTable does the same for tables.
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/client.ts';
import { Button } from './button.tsx';
import { ErrorState } from './error-state.tsx';

export function LoadMore<Item>({ query }: { query: UseInfiniteQueryResult<InfiniteData<Page<Item>>, Error> }) {
  return (
    <>
      {query.isError && query.data && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.hasNextPage && (
        <div className="paged-table__more">
          <Button onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>Load more</Button>
        </div>
      )}
    </>
  );
}
