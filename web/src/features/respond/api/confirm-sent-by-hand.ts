import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Reply } from '../types.ts';
import { rememberReply, respondKeys } from './respond-keys.ts';

/** The author posted a "copy and open" reply themselves; `url` is the post's address, when they have it. */
export const confirmSentByHand = (replyId: string, url: string | undefined) =>
  api.post<Reply>(`/replies/${encodeURIComponent(replyId)}/sent-by-hand`, url ? { url } : {});

export function useConfirmSentByHand(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ replyId, url }: { replyId: string; url?: string }) => confirmSentByHand(replyId, url),
    onSuccess: (reply) => rememberReply(queryClient, reply),
    onSettled: () => queryClient.invalidateQueries({ queryKey: respondKeys.replies(conversationId) }),
  });
}
