import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SubmittedReply } from '../types.ts';
import { rememberReply, respondKeys } from './respond-keys.ts';

export interface ReplyDraft {
  text: string;
  inReplyToMentionId?: string;
  /** The saved reply or holding statement the person started from. */
  startedFrom?: string;
}

/** Sends a reply: published (or handed back to post by hand) when low-risk, else it waits for approval. */
export const sendReply = (conversationId: string, draft: ReplyDraft) =>
  api.post<SubmittedReply>(`/conversations/${encodeURIComponent(conversationId)}/replies`, draft);

export function useSendReply(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ReplyDraft) => sendReply(conversationId, draft),
    onSuccess: ({ reply }) => rememberReply(queryClient, reply),
    onSettled: () => queryClient.invalidateQueries({ queryKey: respondKeys.replies(conversationId) }),
  });
}
