// The shared shape of every cursor-paginated list screen: loading, error, empty,
// the rows so far, and "Load more" while the server says there is a next page.
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../api/client.ts';
import { Button } from './button.tsx';
import { ErrorState } from './error-state.tsx';
import { Loading } from './loading.tsx';
import { Table, type Column } from './table.tsx';

interface PagedTableProps<Row> {
  query: UseInfiniteQueryResult<InfiniteData<Page<Row>>, Error>;
  caption: string;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  /** Shown when the list has no items (for the current filters). */
  empty: ReactNode;
}

export function PagedTable<Row>({ query, caption, columns, rowKey, empty }: PagedTableProps<Row>) {
  if (query.isPending) return <Loading label={`Loading ${caption.toLowerCase()}…`} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const rows = query.data.pages.flatMap((page) => page.items);
  return (
    <div className="paged-table" aria-busy={query.isFetching || undefined}>
      {rows.length === 0 ? empty : <Table caption={caption} columns={columns} rows={rows} rowKey={rowKey} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.hasNextPage && (
        <div className="paged-table__more">
          <Button onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>Load more</Button>
        </div>
      )}
    </div>
  );
}
