// The conversation a reply answers, for the approver to read what the customer wrote.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ConversationPost } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

export interface ConversationForReview {
  conversation: { conversationId: string; spokeName: string | null; status: string };
  thread: ConversationPost[];
}

export const getConversation = (conversationId: string) =>
  api.get<ConversationForReview>(`/conversations/${encodeURIComponent(conversationId)}`);

export const useConversationForReview = (conversationId: string) =>
  useQuery({ queryKey: respondKeys.conversation(conversationId), queryFn: () => getConversation(conversationId), staleTime: 60_000 });
