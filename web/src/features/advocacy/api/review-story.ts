import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Story } from '../types.ts';
import { storyChanged } from './story-changed.ts';

export interface StoryReview {
  decision: 'approve' | 'reject';
  note?: string;
}

/** Approves a suggested, draft or in-review story (it goes live) or rejects it, with a note for its author. */
export const reviewStory = (storyId: string, review: StoryReview) =>
  api.post<Story>(`/advocacy/stories/${encodeURIComponent(storyId)}/review`, review);

export function useReviewStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storyId, review }: { storyId: string; review: StoryReview }) => reviewStory(storyId, review),
    onSuccess: (story) => storyChanged(queryClient, story),
    // A 403/404/409 means the list is out of date (someone else decided, or it moved): ask again.
    onError: () => storyChanged(queryClient),
  });
}
