// Cursor-paginated lists, the one shape every Herd list endpoint shares:
// `{ items, nextCursor }`. Screens show the first page and a "Load more" button;
// pickers (a select of spokes) need every item, so they follow the cursor to the end.
import { infiniteQueryOptions, keepPreviousData, type QueryKey } from '@tanstack/react-query';
import type { Page } from './client.ts';

export type FetchPage<T> = (cursor: string | null) => Promise<Page<T>>;

export function cursorListOptions<T>(queryKey: QueryKey, fetchPage: FetchPage<T>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage: Page<T>) => lastPage.nextCursor,
    // While a new filter loads, keep showing the previous results instead of a spinner.
    placeholderData: keepPreviousData,
  });
}

export async function fetchAllPages<T>(fetchPage: FetchPage<T>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
