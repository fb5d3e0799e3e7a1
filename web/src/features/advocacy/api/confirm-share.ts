import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Share } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** "I posted it": a share opened through its compose link went out (with the post's address, if the person has it). */
export const confirmShare = (shareId: string, publishedUrl?: string) =>
  api.post<Share>(`/advocacy/shares/${encodeURIComponent(shareId)}/confirm`, publishedUrl ? { publishedUrl } : {});

export function useConfirmShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ shareId, publishedUrl }: { shareId: string; publishedUrl?: string }) => confirmShare(shareId, publishedUrl),
    onSettled: () => queryClient.invalidateQueries({ queryKey: advocacyKeys.myShares }),
  });
}
