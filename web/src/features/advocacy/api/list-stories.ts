import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { Story, StoryFilters } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

const pageSize = 25;

/** Stories the person may see, newest first: reviewers what they look after, everyone live ones and their own suggestions. */
export const listStories = (filters: StoryFilters, cursor: string | null) =>
  api.get<Page<Story>>('/advocacy/stories', { ...filters, cursor, limit: pageSize });

export const useStories = (filters: StoryFilters) =>
  useInfiniteQuery(cursorListOptions(advocacyKeys.storyList(filters), (cursor) => listStories(filters, cursor)));
