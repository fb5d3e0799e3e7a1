// Watches for mentions newer than the ones on screen without moving the list:
// the newest page is fetched again every few seconds, and "show" swaps it in.
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../../api/client.ts';
import { listeningKeys } from '../api/listening-keys.ts';
import { useLatestMentions } from '../api/list-mentions.ts';
import type { Mention, MentionFilters } from '../types.ts';

export interface NewMentions {
  /** How many are newer than the top of the list; `atLeast` when all of the newest page is new. */
  count: number;
  atLeast: boolean;
  show: () => void;
}

export function useNewMentions(filters: MentionFilters, shown: InfiniteData<Page<Mention>> | undefined, ready: boolean): NewMentions {
  const latest = useLatestMentions(filters, ready);
  const queryClient = useQueryClient();
  const newestShown = shown?.pages[0]?.items[0]?.id;
  const items = latest.data?.items ?? [];
  const index = newestShown === undefined ? items.length : items.findIndex((mention) => mention.id === newestShown);
  const count = !ready || !latest.data ? 0 : index === -1 ? items.length : index;

  const show = () => {
    if (!latest.data) return;
    queryClient.setQueryData<InfiniteData<Page<Mention>>>(listeningKeys.mentions(filters), {
      pages: [latest.data],
      pageParams: [null],
    });
  };
  return { count, atLeast: index === -1 && count > 0 && latest.data?.nextCursor != null, show };
}
