import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CreatedShare, ShareInput } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Shares a story in the person's own words: published through their connected account or opened through the network's compose link, now or scheduled. */
export const createShare = (input: ShareInput) => api.post<CreatedShare>('/advocacy/shares', input);

export function useCreateShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createShare,
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: advocacyKeys.myShares }),
      // Caps and identical texts count this share now.
      queryClient.invalidateQueries({ queryKey: ['advocacy', 'share-preview'] }),
      // A share that goes out earns points (and maybe a badge).
      queryClient.invalidateQueries({ queryKey: advocacyKeys.recognition }),
    ]),
  });
}
