import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MyRecognition } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** The signed-in person's points by action, badges (held and still to earn) and ranks; theirs to see, leaderboards on or off. */
export const getMyRecognition = () => api.get<MyRecognition>('/advocacy/me/recognition');

export const useMyRecognition = () => useQuery({ queryKey: advocacyKeys.myRecognition, queryFn: getMyRecognition });
