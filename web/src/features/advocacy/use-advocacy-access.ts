// What the signed-in person may do in advocacy, as the server decides it (people's
// access.ts): hub admins change the settings; PR leads and hub admins review every
// story, spoke leads those of their spokes (and look after the story feeds of what they
// review); hub admins, PR leads and analysts measure the programme (participation);
// everyone else suggests and shares. The UI only hides what would be refused; the
// server checks every request.
import { useRoleGrants } from '../../api/session-roles.ts';
import type { Story } from './types.ts';

export interface AdvocacyAccess {
  /** Changes the advocacy settings. */
  manages: boolean;
  /** Reviews stories of every spoke and of the hub. */
  reviewsAll: boolean;
  /** The spokes whose stories the person reviews (besides `reviewsAll`). */
  ledSpokeIds: string[];
  /** Adds stories that go live (for the hub or a spoke) rather than suggesting them. */
  publishes: boolean;
  /** Sees the programme's participation by spoke (advocacy.measure across the organization). */
  measures: boolean;
  reviews: (story: Pick<Story, 'spokeId'>) => boolean;
}

export function useAdvocacyAccess(): AdvocacyAccess {
  const grants = useRoleGrants();
  const orgWide = (role: string) => grants.some((grant) => grant.role === role && grant.spokeId === null);
  const manages = orgWide('hub_admin');
  const reviewsAll = manages || orgWide('pr_lead');
  const ledSpokeIds = grants.flatMap((grant) => (grant.role === 'spoke_lead' && grant.spokeId ? [grant.spokeId] : []));
  return {
    manages,
    reviewsAll,
    ledSpokeIds,
    publishes: reviewsAll || ledSpokeIds.length > 0,
    measures: reviewsAll || orgWide('analyst'),
    reviews: (story) => reviewsAll || (story.spokeId !== null && ledSpokeIds.includes(story.spokeId)),
  };
}
