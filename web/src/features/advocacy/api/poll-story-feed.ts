// "Poll now": the server reads the feed at once and says what it found; the feed's
// new health goes into the list, and new stories into the lists and the feed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { StoryFeed, StoryFeedPollResult } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';
import { storyChanged } from './story-changed.ts';

export const pollStoryFeed = (feedId: string) => api.post<StoryFeedPollResult>(`/advocacy/feeds/${encodeURIComponent(feedId)}/poll`, {});

export function usePollStoryFeed(feedId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => pollStoryFeed(feedId),
    onSuccess: async (result) => {
      queryClient.setQueryData<StoryFeed[]>(advocacyKeys.storyFeeds, (feeds) => feeds?.map((feed) => (feed.id === result.feed.id ? result.feed : feed)));
      if (result.newStories > 0) await storyChanged(queryClient);
    },
    // A 409 (switched off meanwhile) or 404 (removed): the list is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.storyFeeds }),
  });
}
