// Who may change what in the library, as the server decides it (respond's
// reply-library.ts): PR leads and hub admins both kinds, for everyone or any spoke;
// spoke leads saved replies of the spokes they lead; everyone else reads.
import { useRoleGrants } from '../../../api/session-roles.ts';
import type { LibraryEntry, LibraryKind } from '../types.ts';

export interface LibraryPermissions {
  kindsToCreate: LibraryKind[];
  /** The spokes an entry may be for; `everyone` also allows an entry for the whole organization. */
  spokeChoices: { everyone: boolean; spokeIds: string[] | 'all' };
  canEdit: (entry: LibraryEntry) => boolean;
}

export function useLibraryPermissions(): LibraryPermissions {
  const grants = useRoleGrants();
  const orgWide = grants.some((grant) => grant.spokeId === null && (grant.role === 'hub_admin' || grant.role === 'pr_lead'));
  const ledSpokeIds = grants.flatMap((grant) => (grant.role === 'spoke_lead' && grant.spokeId ? [grant.spokeId] : []));
  if (orgWide) {
    return { kindsToCreate: ['saved_reply', 'holding_statement'], spokeChoices: { everyone: true, spokeIds: 'all' }, canEdit: () => true };
  }
  return {
    kindsToCreate: ledSpokeIds.length > 0 ? ['saved_reply'] : [],
    spokeChoices: { everyone: false, spokeIds: ledSpokeIds },
    canEdit: (entry) => entry.kind === 'saved_reply' && entry.spokeId !== null && ledSpokeIds.includes(entry.spokeId),
  };
}
