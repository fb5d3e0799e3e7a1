import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Reply } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** The replies written in a conversation, oldest first, with their reviews. */
export const listConversationReplies = (conversationId: string) =>
  api.get<{ items: Reply[] }>(`/conversations/${encodeURIComponent(conversationId)}/replies`).then((page) => page.items);

export const useConversationReplies = (conversationId: string) =>
  useQuery({ queryKey: respondKeys.replies(conversationId), queryFn: () => listConversationReplies(conversationId) });
