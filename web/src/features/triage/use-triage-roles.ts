import { useHasRole } from '../../api/session-roles.ts';

/** Hub admins define categories, their keywords and examples; everyone else reads. */
export const useCanManage = (): boolean => useHasRole('hub_admin');

/** Who may say which category a mention belongs to (the server checks it too). */
export function useCanLabel(): boolean {
  const hubAdmin = useHasRole('hub_admin');
  const spokeLead = useHasRole('spoke_lead');
  const prLead = useHasRole('pr_lead');
  return hubAdmin || spokeLead || prLead;
}
