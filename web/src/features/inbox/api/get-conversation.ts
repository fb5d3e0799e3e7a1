import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ConversationDetail } from '../types.ts';
import { inboxKeys } from './inbox-keys.ts';

export const getConversation = (id: string) =>
  api.get<ConversationDetail>(`/conversations/${encodeURIComponent(id)}`);

export const useConversation = (id: string | undefined) =>
  useQuery({ queryKey: inboxKeys.conversation(id ?? ''), queryFn: () => getConversation(id!), enabled: Boolean(id) });
