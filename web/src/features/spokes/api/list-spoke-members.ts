import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SpokeMember } from '../types.ts';
import { spokeKeys } from './spoke-keys.ts';

export const listSpokeMembers = (id: string) =>
  api.get<{ items: SpokeMember[] }>(`/spokes/${encodeURIComponent(id)}/members`);

export const useSpokeMembers = (id: string) =>
  useQuery({ queryKey: spokeKeys.members(id), queryFn: () => listSpokeMembers(id), select: (data) => data.items });
