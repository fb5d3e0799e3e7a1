// `herd user add`: gives someone a role, creating them first if they are new (and, with
// --org-name, their organization: how a fresh installation gets its first hub admin).
// Safe to run twice: an existing person is found by e-mail and an existing role is kept.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/index.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import {
  addMembership, createOrganization, createPerson, findOrganizationBySlug, findPersonByEmail, findSpokeByName, roles, systemActor, updatePerson, type Role,
} from '../../modules/people/index.ts';

export interface UserAddOptions { email: string; org: string; orgName?: string; role: string; name?: string; spoke?: string; password?: string }
export interface UserAddResult {
  personId: string;
  createdOrganization: boolean;
  createdPerson: boolean;
  addedRole: boolean;
  /** Set only when Herd made the password up; shown once and never stored in clear. */
  generatedPassword?: string;
}

const isRole = (role: string): role is Role => (roles as readonly string[]).includes(role);
export const generatePassword = () => randomBytes(18).toString('base64url');

/** "jane.doe@x" becomes "Jane Doe" when no name is given. */
const nameFromEmail = (email: string) =>
  email.split('@')[0]!.split(/[._-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') || email;

export async function addUser(db: Database, settings: { passwordCost: number }, options: UserAddOptions): Promise<UserAddResult> {
  if (!isRole(options.role)) throw invalid([{ field: '--role', message: `"${options.role}" is not a role; use one of ${roles.join(', ')}` }]);
  // The HTTP API checks these through its schema; the CLI calls the services directly.
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.email)) throw invalid([{ field: '--email', message: `"${options.email}" is not an e-mail address` }]);
  if (options.password !== undefined && options.password.length < 10) throw invalid([{ field: '--password', message: 'must be at least 10 characters' }]);
  const found = await findOrganizationBySlug(db, options.org);
  if (!found && !options.orgName) throw notFound(`Organization "${options.org}" (add --org-name to create it)`);
  const org = found ?? await createOrganization(db, { slug: options.org, name: options.orgName! }).catch((error: unknown) => {
    // The slug is checked where it is stored; the CLI names its own flag.
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') throw invalid([{ field: '--org', message: 'must be 2-63 lower-case letters, digits or dashes' }]);
    throw error;
  });
  const actor = systemActor(org.id, 'herd user add');
  const spoke = options.spoke ? await findSpokeByName(db, org.id, options.spoke) : undefined;
  if (options.spoke && !spoke) throw notFound(`Spoke "${options.spoke}" in ${options.org}`);

  const existing = await findPersonByEmail(db, org.id, options.email);
  const generatedPassword = existing || options.password ? undefined : generatePassword();
  let personId: string;
  if (existing) {
    personId = existing.id;
    if (options.password) await updatePerson(db, settings, actor, personId, { password: options.password });
  } else {
    const name = options.name ?? nameFromEmail(options.email);
    personId = (await createPerson(db, settings, actor, { name, email: options.email, password: options.password ?? generatedPassword })).id;
  }
  const addedRole = await addMembership(db, actor, { personId, spokeId: spoke?.id ?? null, role: options.role }).then(
    () => true,
    (error) => { if (error instanceof AppError && error.code === 'CONFLICT') return false; throw error; },
  );
  return { personId, createdOrganization: !found, createdPerson: !existing, addedRole, ...(generatedPassword && { generatedPassword }) };
}
