import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Story } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

export const getStory = (storyId: string) => api.get<Story>(`/advocacy/stories/${encodeURIComponent(storyId)}`);

export const useStory = (storyId: string) => useQuery({ queryKey: advocacyKeys.story(storyId), queryFn: () => getStory(storyId) });
