import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ReplySettings } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** What makes a reply high-risk (it then waits for approval), and who may reply publicly. */
export const getReplySettings = () => api.get<ReplySettings>('/respond/settings');

export const useReplySettings = () => useQuery({ queryKey: respondKeys.replySettings, queryFn: getReplySettings });

/** The crisis room keeps its topics: the form never sends them. */
export type ReplySettingsPatch = Partial<Omit<ReplySettings, 'crisisTopicIds'>>;

export const saveReplySettings = (patch: ReplySettingsPatch) => api.patch<ReplySettings>('/respond/settings', patch);

export function useSaveReplySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReplySettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(respondKeys.replySettings, saved);
      // Drafts being typed are judged again under the new settings.
      return queryClient.invalidateQueries({ queryKey: ['respond', 'reply-check'] });
    },
  });
}
