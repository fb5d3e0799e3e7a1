import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { PolicyVersion } from '../types.ts';
import { respondKeys } from './respond-keys.ts';

/** Every saved version of the policy, newest first. */
export const listPolicyVersions = () => api.get<{ items: PolicyVersion[] }>('/policy/versions').then((page) => page.items);

export const usePolicyVersions = () => useQuery({ queryKey: respondKeys.policyVersions, queryFn: listPolicyVersions });
