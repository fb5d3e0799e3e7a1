// The parts of advocacy in the order of its sub-navigation, each with its own address
// under /advocacy and who sees its tab. A new part (leaderboard, dashboard, story
// feeds, connected accounts) is one row here and one route in index.tsx.
import type { AdvocacyAccess } from './use-advocacy-access.ts';

export interface AdvocacySection {
  /** Relative to /advocacy; '' is the section's own page. */
  to: string;
  label: string;
  /** Shown only when this says so; without it, to every member. */
  visible?: (access: AdvocacyAccess) => boolean;
}

export const advocacySections: AdvocacySection[] = [
  { to: '', label: 'Stories for you' },
  { to: 'shares', label: 'My shares' },
  { to: 'accounts', label: 'My accounts' },
  { to: 'me', label: 'My points' },
  { to: 'leaderboard', label: 'Leaderboard' },
  { to: 'stories', label: 'Stories' },
  // Whoever publishes stories (hub admins, PR leads, spoke leads) looks after the feeds they come from.
  { to: 'feeds', label: 'Story feeds', visible: (access) => access.publishes },
  { to: 'participation', label: 'Participation', visible: (access) => access.measures },
  // advocacy.measure: the hub's measurers everything, a spoke lead their spokes' shares.
  { to: 'impact', label: 'Impact', visible: (access) => access.measures || access.ledSpokeIds.length > 0 },
  { to: 'settings', label: 'Settings', visible: (access) => access.manages },
];
