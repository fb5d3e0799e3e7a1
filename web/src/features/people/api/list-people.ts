import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { PeopleFilters, Person } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

const pageSize = 50;

export const listPeople = (filters: PeopleFilters, cursor: string | null) =>
  api.get<Page<Person>>('/people', { ...filters, cursor, limit: pageSize });

export const usePeople = (filters: PeopleFilters) =>
  useInfiniteQuery(cursorListOptions(peopleKeys.list(filters), (cursor) => listPeople(filters, cursor)));
