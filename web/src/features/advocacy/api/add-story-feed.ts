import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { NewStoryFeed, StoryFeed } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Adds a company feed; the server reads it soon after (409: a feed at that address already; 400: not an http(s) address). */
export const addStoryFeed = (feed: NewStoryFeed) => api.post<StoryFeed>('/advocacy/feeds', feed);

export function useAddStoryFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addStoryFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.storyFeeds }) });
}
