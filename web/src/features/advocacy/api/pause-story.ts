import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Story } from '../types.ts';
import { storyChanged } from './story-changed.ts';

/** Pauses a live story (nobody can share it meanwhile) or resumes a paused one. */
export const pauseStory = (storyId: string, paused: boolean) =>
  api.post<Story>(`/advocacy/stories/${encodeURIComponent(storyId)}/pause`, { paused });

export function usePauseStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, paused }: { storyId: string; paused: boolean }) => pauseStory(storyId, paused),
    onSuccess: (story) => storyChanged(queryClient, story),
    onError: () => storyChanged(queryClient),
  });
}
