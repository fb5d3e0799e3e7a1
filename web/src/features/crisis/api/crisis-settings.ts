import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CrisisSettings, CrisisSettingsInput } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** The detectors' settings, who is told of alerts and how, and the escalation. */
export const getCrisisSettings = () => api.get<CrisisSettings>('/crisis/settings');

export const useCrisisSettings = () => useQuery({ queryKey: crisisKeys.settings, queryFn: getCrisisSettings });

/** Hub admins change them; the answer is the whole, resolved document. */
export const saveCrisisSettings = (input: CrisisSettingsInput) => api.put<CrisisSettings>('/crisis/settings', input);

export function useSaveCrisisSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCrisisSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(crisisKeys.settings, settings);
      // New settings change what the radar says is warming up.
      return queryClient.invalidateQueries({ queryKey: crisisKeys.radar });
    },
  });
}
