// Everything a person does to one conversation. Each answers the updated conversation;
// the list and the open conversation are fetched again so the timeline shows it too.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Conversation } from '../types.ts';
import { inboxKeys } from './inbox-keys.ts';

export type ConversationAction =
  | { kind: 'claim' }
  | { kind: 'assign'; personId: string; note?: string }
  | { kind: 'transfer'; spokeId?: string; personId?: string; note: string }
  | { kind: 'status'; status: 'waiting' | 'resolved' | 'open' }
  | { kind: 'snooze'; until: string }
  | { kind: 'merge'; intoConversationId: string }
  | { kind: 'escalate'; note: string }
  | { kind: 'notes'; text: string; mentionPersonIds: string[] }
  | { kind: 'experts'; skill: string; question: string };

export function runAction(conversationId: string, action: ConversationAction): Promise<Conversation> {
  const { kind, ...body } = action;
  const path = `/conversations/${encodeURIComponent(conversationId)}/${kind}`;
  return kind === 'claim' ? api.post<Conversation>(path) : api.post<Conversation>(path, body);
}

export function useConversationAction(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ConversationAction) => runAction(conversationId, action),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) }),
      queryClient.invalidateQueries({ queryKey: inboxKeys.lists }),
    ]),
  });
}

export function useAcceptExpertRequest(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => api.post<Conversation>(`/expert-requests/${encodeURIComponent(requestId)}/accept`),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) }),
      queryClient.invalidateQueries({ queryKey: inboxKeys.lists }),
    ]),
  });
}
