import { useHasRole } from '../../api/session-roles.ts';

/** Only hub admins may change sources and topics; everyone else reads. */
export const useCanEdit = (): boolean => useHasRole('hub_admin');
