// The live check of a draft as it is typed (POST /conversations/:id/reply-check):
// asked 250 ms after the typing stops, keeping the last answer on screen meanwhile.
// The answer carries the text it judged, so spans are only used on that very text.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useDebouncedValue } from '../../../ui/use-debounced-value.ts';
import type { Judgement } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

const typingPauseMs = 250;

export interface CheckedDraft {
  text: string;
  judgement: Judgement;
}

export const checkReply = (conversationId: string, text: string, inReplyToMentionId?: string) =>
  api.post<Judgement>(`/conversations/${encodeURIComponent(conversationId)}/reply-check`, { text, ...(inReplyToMentionId && { inReplyToMentionId }) });

export function useReplyCheck(conversationId: string, text: string, inReplyToMentionId?: string) {
  const settled = useDebouncedValue(text, typingPauseMs);
  const query = useQuery({
    queryKey: respondKeys.check(conversationId, inReplyToMentionId, settled),
    queryFn: async (): Promise<CheckedDraft> => ({ text: settled, judgement: await checkReply(conversationId, settled, inReplyToMentionId) }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  /** The judgement is about exactly the text in the box now (not an older one still shown). */
  const current = query.data?.text === text && !query.isPlaceholderData;
  return { ...query, current };
}
