// The composer's live check (POST /advocacy/shares/preview): asked 300 ms after the
// typing stops, keeping the last answer on screen meanwhile. The answer carries the
// input it judged, so its spans are only used on that very text.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useDebouncedValue } from '../../../ui/use-debounced-value.ts';
import type { ShareInput, SharePreview } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

const typingPauseMs = 300;

export const previewShare = (input: ShareInput) => api.post<SharePreview>('/advocacy/shares/preview', input);

export interface PreviewedShare {
  input: ShareInput;
  preview: SharePreview;
}

const sameInput = (a: ShareInput, b: ShareInput) =>
  a.storyId === b.storyId && a.network === b.network && a.text === b.text && a.scheduledFor === b.scheduledFor
  && a.mastodonInstance === b.mastodonInstance && a.accountId === b.accountId;

/** `ready`: the input can be checked at all (some text; a Mastodon server when sharing to Mastodon's compose page). */
export function useSharePreview(input: ShareInput, ready: boolean) {
  // Debounced as text: a new object on every render would restart the pause for ever.
  const settled = JSON.parse(useDebouncedValue(JSON.stringify(input), typingPauseMs)) as ShareInput;
  const settledReady = useDebouncedValue(ready, typingPauseMs);
  const query = useQuery({
    queryKey: advocacyKeys.sharePreview(settled),
    queryFn: async (): Promise<PreviewedShare> => ({ input: settled, preview: await previewShare(settled) }),
    enabled: settledReady,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
  /** The preview is about exactly the input in the form now (not an older one still shown). */
  const current = ready && query.data !== undefined && sameInput(query.data.input, input) && !query.isPlaceholderData;
  return { ...query, current };
}
