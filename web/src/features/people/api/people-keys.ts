// Cache keys of everything person-shaped, so a change can refresh exactly what it touched.
import type { PeopleFilters } from '../types.ts';

export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: PeopleFilters) => ['people', 'list', filters] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  spokeChoices: ['people', 'spoke-choices'] as const,
};
