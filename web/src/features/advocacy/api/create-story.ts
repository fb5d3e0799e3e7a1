import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { NewStory, Story } from '../types.ts';
import { storyChanged } from './story-changed.ts';

/** Adds a story (reviewers: live, draft or in review) or suggests one (anyone else: the server decides). */
export const createStory = (story: NewStory) => api.post<Story>('/advocacy/stories', story);

export function useCreateStory() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createStory, onSuccess: (story) => storyChanged(queryClient, story) });
}
