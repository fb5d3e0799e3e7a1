import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { Example } from '../types.ts';
import { triageKeys } from './triage-keys.ts';

const pageSize = 25;
/** While some examples wait to be learned (the worker takes a few seconds), ask again this often. */
const whileLearningMs = 3000;

export const listExamples = (categoryId: string, cursor: string | null) =>
  api.get<Page<Example>>(`/categories/${encodeURIComponent(categoryId)}/examples`, { cursor, limit: pageSize });

/** A category's examples, newest first, paged. */
export const useExamples = (categoryId: string) =>
  useInfiniteQuery({
    ...cursorListOptions(triageKeys.examplesOf(categoryId), (cursor) => listExamples(categoryId, cursor)),
    // Another category's examples are not "the previous results" of this one.
    placeholderData: undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((example) => example.learnedAt === null)) ? whileLearningMs : false,
  });
