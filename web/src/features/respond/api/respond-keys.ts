// Cache keys of the respond section, so a change (or a live event) refreshes exactly
// what it touched. A conversation's replies sit under the conversation's scope, which
// the inbox's live feed refreshes whenever that conversation changes.
import type { QueryClient } from '@tanstack/react-query';
import { conversationScopeKey } from '../../../api/conversation-scope.ts';
import type { Reply } from '../types.ts';

export const respondKeys = {
  replies: (conversationId: string) => [...conversationScopeKey(conversationId), 'replies'] as const,
  check: (conversationId: string, inReplyToMentionId: string | undefined, text: string) =>
    ['respond', 'reply-check', conversationId, inReplyToMentionId ?? 'newest', text] as const,
  approvals: ['respond', 'approvals'] as const,
  conversation: (conversationId: string) => ['respond', 'conversation', conversationId] as const,
  library: ['respond', 'library'] as const,
  libraryList: (includeExpired: boolean) => ['respond', 'library', { includeExpired }] as const,
  policy: ['respond', 'policy'] as const,
  policyVersions: ['respond', 'policy', 'versions'] as const,
  replySettings: ['respond', 'settings'] as const,
  spokes: ['respond', 'spokes'] as const,
  topics: ['respond', 'topics'] as const,
  categories: ['respond', 'categories'] as const,
};

/** Puts a reply the server just answered into its conversation's list, so its status shows before the list is fetched again. */
export function rememberReply(queryClient: QueryClient, reply: Reply): void {
  queryClient.setQueryData<Reply[]>(respondKeys.replies(reply.conversationId), (replies) =>
    replies && [...replies.filter((known) => known.id !== reply.id), reply].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
}
