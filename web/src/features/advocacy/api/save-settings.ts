import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { AdvocacySettings } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Hub admins change the settings; the server merges nested objects field by field and answers the whole document. */
export const saveAdvocacySettings = (patch: Partial<AdvocacySettings>) => api.patch<AdvocacySettings>('/advocacy/settings', patch);

export function useSaveAdvocacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAdvocacySettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(advocacyKeys.settings, settings);
      // The pause and the caps change what the composer's preview says.
      void queryClient.invalidateQueries({ queryKey: ['advocacy', 'share-preview'] });
      // Leaderboards switched on or off, points changed.
      void queryClient.invalidateQueries({ queryKey: advocacyKeys.recognition });
      // New rates of earned media value change every value shown.
      void queryClient.invalidateQueries({ queryKey: advocacyKeys.measurement });
    },
  });
}
