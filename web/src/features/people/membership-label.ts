import { roleLabels } from '../../api/vocabulary.ts';
import type { Membership } from './types.ts';

/** "Volunteer, Store Berlin" or "Hub admin, whole organization". */
export const membershipLabel = (membership: Membership) =>
  `${roleLabels[membership.role]}, ${membership.spokeName ?? 'whole organization'}`;
