import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Removes a feed; the stories it brought stay. */
export const removeStoryFeed = (feedId: string) => api.delete(`/advocacy/feeds/${encodeURIComponent(feedId)}`);

export function useRemoveStoryFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeStoryFeed, onSettled: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.storyFeeds }) });
}
