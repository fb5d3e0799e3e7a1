// Cache keys of everything spoke-shaped, so a change can refresh exactly what it touched.
import type { SpokeFilters } from '../types.ts';

export const spokeKeys = {
  all: ['spokes'] as const,
  list: (filters: SpokeFilters) => ['spokes', 'list', filters] as const,
  everything: ['spokes', 'everything'] as const,
  detail: (id: string) => ['spokes', 'detail', id] as const,
  members: (id: string) => ['spokes', 'detail', id, 'members'] as const,
};
