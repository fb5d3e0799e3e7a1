import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { StoryFeed } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** The story feeds the person looks after (hub admins and PR leads all, spoke leads their spokes'), by title, with their health. */
export const listStoryFeeds = () => api.get<{ items: StoryFeed[] }>('/advocacy/feeds').then((list) => list.items);

export const useStoryFeeds = () => useQuery({ queryKey: advocacyKeys.storyFeeds, queryFn: listStoryFeeds });
