import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { CrisisMention } from '../types.ts';
import { crisisKeys } from './crisis-keys.ts';

/** The latest mentions on the crisis's topics, newest first. */
export const listCrisisMentions = (crisisId: string, cursor: string | null) =>
  api.get<Page<CrisisMention>>(`/crises/${crisisId}/mentions`, { cursor });

export const useCrisisMentions = (crisisId: string) =>
  useInfiniteQuery(cursorListOptions(crisisKeys.mentions(crisisId), (cursor) => listCrisisMentions(crisisId, cursor)));
