import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { StoryFeed, StoryFeedSettings } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Renames a feed, moves it to a spoke, trusts it to publish at once, or switches it on (read at once) or off. */
export const updateStoryFeed = (feedId: string, patch: Partial<StoryFeedSettings>) =>
  api.patch<StoryFeed>(`/advocacy/feeds/${encodeURIComponent(feedId)}`, patch);

export function useUpdateStoryFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ feedId, patch }: { feedId: string; patch: Partial<StoryFeedSettings> }) => updateStoryFeed(feedId, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.storyFeeds }),
  });
}
