// What the signed-in person may do about crises, as the server decides it (people's
// access.ts): hub admins and org-wide PR leads watch (radar, alerts, rooms) and run
// crisis rooms; hub admins configure the detectors; PR leads and hub admins write
// holding statements. The UI only hides what would be refused; the server checks.
import { useRoleGrants } from '../../api/session-roles.ts';

export interface CrisisAccess {
  watches: boolean;
  runs: boolean;
  configures: boolean;
  managesHoldingStatements: boolean;
}

export function useCrisisAccess(): CrisisAccess {
  const grants = useRoleGrants();
  const orgWide = (role: string) => grants.some((grant) => grant.role === role && grant.spokeId === null);
  const configures = orgWide('hub_admin');
  const watches = configures || orgWide('pr_lead');
  return { watches, runs: watches, configures, managesHoldingStatements: watches };
}
