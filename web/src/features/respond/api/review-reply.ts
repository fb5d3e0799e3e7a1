import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Reply, ReviewDecision, Span } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

export interface ReviewInput {
  decision: ReviewDecision;
  /** Required to request changes or reject. */
  comment?: string;
  /** The part of the text the comment is about. */
  span?: Span;
}

export const reviewReply = (replyId: string, input: ReviewInput) =>
  api.post<Reply>(`/replies/${encodeURIComponent(replyId)}/review`, input);

export function useReviewReply(replyId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) => reviewReply(replyId, input),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: respondKeys.approvals }),
      queryClient.invalidateQueries({ queryKey: respondKeys.replies(conversationId) }),
    ]),
  });
}
