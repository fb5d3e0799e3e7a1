import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SubmittedReply } from '../types.ts';
import { rememberReply, respondKeys } from './respond-keys.ts';

/** The author's new text after changes were requested (or the approval lapsed, or publishing failed); it is sent again. */
export const reviseReply = (replyId: string, text: string) =>
  api.put<SubmittedReply>(`/replies/${encodeURIComponent(replyId)}/text`, { text });

export function useReviseReply(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ replyId, text }: { replyId: string; text: string }) => reviseReply(replyId, text),
    onSuccess: ({ reply }) => rememberReply(queryClient, reply),
    onSettled: () => queryClient.invalidateQueries({ queryKey: respondKeys.replies(conversationId) }),
  });
}
