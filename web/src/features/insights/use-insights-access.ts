// Whose numbers the signed-in person reads, as the server scopes insights.read (people's
// access.ts, insights' insights-scope.ts): hub admins, organization-wide PR leads and
// analysts the whole organization (crises too); a spoke lead the spokes they lead. The
// UI only hides what would be refused; the server checks every request.
import { useRoleGrants } from '../../api/session-roles.ts';

export interface InsightsAccess {
  /** Reads insights at all. */
  reads: boolean;
  /** Reads the whole organization's numbers, and the crises. */
  wholeOrganization: boolean;
  /** The spokes a spoke lead reads (besides the whole organization). */
  ledSpokeIds: string[];
}

export function useInsightsAccess(): InsightsAccess {
  const grants = useRoleGrants();
  const wholeOrganization = grants.some((grant) => grant.spokeId === null && ['hub_admin', 'pr_lead', 'analyst'].includes(grant.role));
  const ledSpokeIds = [...new Set(grants.flatMap((grant) => (grant.role === 'spoke_lead' && grant.spokeId ? [grant.spokeId] : [])))];
  return { reads: wholeOrganization || ledSpokeIds.length > 0, wholeOrganization, ledSpokeIds };
}
