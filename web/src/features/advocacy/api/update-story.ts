import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Story, StoryFields } from '../types.ts';
import { storyChanged } from './story-changed.ts';

/** Changes a story's content, audience, dates or spoke (whoever looks after it). */
export const updateStory = (storyId: string, patch: Partial<StoryFields>) =>
  api.patch<Story>(`/advocacy/stories/${encodeURIComponent(storyId)}`, patch);

export function useUpdateStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, patch }: { storyId: string; patch: Partial<StoryFields> }) => updateStory(storyId, patch),
    onSuccess: (story) => storyChanged(queryClient, story),
  });
}
