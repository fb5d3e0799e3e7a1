import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Category } from '../types.ts';
import { triageKeys } from './triage-keys.ts';

// The server answers every category at once, in their order (`position`, then name).
export const listCategories = () => api.get<{ items: Category[] }>('/categories');

export const useCategories = () =>
  useQuery({ queryKey: triageKeys.categories, queryFn: listCategories, select: (data) => data.items });
