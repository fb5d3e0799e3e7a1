// Who is signed in, for features that show or hide what only some people may do (the
// server still checks every request). The app shell provides the person's id, the role
// names, the grants with their spokes for what depends on a spoke, and the organization.
import { createContext, useContext } from 'react';
import type { Role } from './vocabulary.ts';

export interface RoleGrant {
  role: string;
  /** Null: the role holds across the organization. */
  spokeId: string | null;
}

export const SessionRolesContext = createContext<readonly string[]>([]);
export const SessionGrantsContext = createContext<readonly RoleGrant[]>([]);
export const SessionPersonContext = createContext<string | null>(null);
/** The organization signed in to, e.g. for its public addresses (its slug names them). */
export interface SessionOrganization { id: string; slug: string; name: string }
export const SessionOrganizationContext = createContext<SessionOrganization | null>(null);

export const useHasRole = (role: Role): boolean => useContext(SessionRolesContext).includes(role);

export const useRoleGrants = (): readonly RoleGrant[] => useContext(SessionGrantsContext);

/** The signed-in person's id, e.g. to tell their own replies from others'. */
export const useSessionPersonId = (): string | null => useContext(SessionPersonContext);

export const useSessionOrganization = (): SessionOrganization | null => useContext(SessionOrganizationContext);
