// The roles the signed-in person holds, for features that show or hide what only
// some roles may do (the server still checks every request). The app shell provides them.
import { createContext, useContext } from 'react';
import type { Role } from './vocabulary.ts';

export const SessionRolesContext = createContext<readonly string[]>([]);

export const useHasRole = (role: Role): boolean => useContext(SessionRolesContext).includes(role);
