import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Story } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Live stories for the signed-in person (their spokes, skills and languages); recently ended ones last, marked expired. */
export const getFeed = () => api.get<{ items: Story[] }>('/advocacy/feed').then((feed) => feed.items);

export const useFeed = () => useQuery({ queryKey: advocacyKeys.feed, queryFn: getFeed });
