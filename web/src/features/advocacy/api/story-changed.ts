// After a story changes, everything that shows it is asked again: the lists, the
// feed, and the story itself (its new version is put in place at once).
import type { QueryClient } from '@tanstack/react-query';
import type { Story } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

export function storyChanged(queryClient: QueryClient, story?: Story): Promise<void> {
  if (story) queryClient.setQueryData(advocacyKeys.story(story.id), story);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: advocacyKeys.stories }),
    queryClient.invalidateQueries({ queryKey: advocacyKeys.feed }),
  ]).then(() => undefined);
}
