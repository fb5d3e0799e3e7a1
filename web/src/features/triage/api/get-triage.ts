import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MentionTriage } from '../types.ts';
import { triageKeys } from './triage-keys.ts';

/** The most mention ids the server takes in one request. */
export const maxMentionIds = 200;
/** The worker triages a mention within a second or two of storing it: ask again this often, this many times. */
const waitingMs = 1500;
const maxFetches = 6;

export const getTriage = (mentionIds: readonly string[]) =>
  api.get<{ items: MentionTriage[] }>('/triage', { mentionIds });

/** The part of `batch` (a page of the stream) that is fetched together with `mentionId`. */
function chunkWith(batch: readonly string[], mentionId: string): readonly string[] {
  if (batch.length <= maxMentionIds) return batch;
  const start = Math.floor(Math.max(0, batch.indexOf(mentionId)) / maxMentionIds) * maxMentionIds;
  return batch.slice(start, start + maxMentionIds);
}

/**
 * The triage of one mention, fetched with the rest of its batch in one request: every
 * card of a batch asks with the same key, so the query cache sends it once. While some
 * of the batch is not triaged yet, the request is repeated a few times.
 */
export function useMentionTriage(mentionId: string, batch: readonly string[]) {
  const ids = chunkWith(batch.length > 0 ? batch : [mentionId], mentionId);
  const queryKey = triageKeys.ofMentions(ids);
  const stillAsking = (fetches: number) => fetches < maxFetches;
  const query = useQuery({
    queryKey,
    queryFn: () => getTriage(ids),
    select: (data) => data.items.find((triage) => triage.mentionId === mentionId) ?? null,
    refetchInterval: ({ state }) => {
      const waiting = state.data !== undefined && state.data.items.length < new Set(ids).size;
      return waiting && stillAsking(state.dataUpdateCount) ? waitingMs : false;
    },
  });
  const fetches = useQueryClient().getQueryState(queryKey)?.dataUpdateCount ?? 0;
  /** Not triaged yet, but it may be in a moment: the request is still being repeated. */
  const pending = query.data === null && stillAsking(fetches);
  return { ...query, pending };
}
