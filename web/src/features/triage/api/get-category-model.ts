import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CategoryModelStatus } from '../types.ts';
import { triageKeys } from './triage-keys.ts';

/** The worker learns in the background, seconds after examples change: look again this often. */
const pollEveryMs = 10_000;

export const getCategoryModel = () => api.get<CategoryModelStatus>('/categories/model');

export const useCategoryModel = () =>
  useQuery({ queryKey: triageKeys.model, queryFn: getCategoryModel, refetchInterval: pollEveryMs });
