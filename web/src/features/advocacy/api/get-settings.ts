import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { AdvocacySettings } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Points, caps, sharing hours and the pause switch: every member reads them (the feed shows the pause). */
export const getAdvocacySettings = () => api.get<AdvocacySettings>('/advocacy/settings');

export const useAdvocacySettings = () => useQuery({ queryKey: advocacyKeys.settings, queryFn: getAdvocacySettings, staleTime: 30_000 });
