// Signing in with e-mail and password, and the server-side sessions that follow.
// The cookie holds a random secret; the database holds only its digest, with an
// idle timeout and an absolute expiry.
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { memberships, organizations, people, personStatuses, sessions } from './people.schema.ts';
import type { Actor, RoleGrant } from './access.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure, type ThrottleSettings } from './login-throttle.ts';
import { csrfTokenFor, digest, newSecret } from './secret-tokens.ts';
import { recordAudit } from './audit-log.ts';

export interface SessionSettings extends ThrottleSettings {
  idleMinutes: number;
  maxHours: number;
  passwordCost: number;
}

export interface SignInRequest { email: string; password: string; organization?: string; ip: string; userAgent?: string }

export interface SignedInSession {
  secret: string;
  expiresAt: Date;
  view: SessionView;
}

export interface SessionView {
  /** `status` says whether they take new conversations ('active') or are away. */
  person: { id: string; name: string; email: string; status: (typeof personStatuses)[number] };
  organization: { id: string; slug: string; name: string; isDemo: boolean };
  roles: RoleGrant[];
  csrfToken: string;
}

export async function rolesOf(db: Database, personId: string): Promise<RoleGrant[]> {
  return db.select({ role: memberships.role, spokeId: memberships.spokeId }).from(memberships).where(eq(memberships.personId, personId));
}

async function candidatesFor(db: Database, email: string, organizationSlug?: string) {
  const conditions = [eq(sql`lower(${people.email})`, email.trim().toLowerCase()), ne(people.status, 'left')];
  if (organizationSlug) conditions.push(eq(organizations.slug, organizationSlug));
  return db
    .select({ person: people, organization: organizations })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(and(...conditions));
}

export async function signIn(db: Database, settings: SessionSettings, request: SignInRequest): Promise<SignedInSession> {
  await assertSignInAllowed(db, settings, request.email, request.ip);
  const candidates = await candidatesFor(db, request.email, request.organization);
  const matches = [];
  for (const candidate of candidates) {
    if (candidate.person.passwordHash && (await verifyPassword(request.password, candidate.person.passwordHash))) matches.push(candidate);
  }
  if (candidates.length === 0) await verifyPassword(request.password, await decoyPasswordHash(settings.passwordCost));
  const match = matches[0];
  if (!match) {
    await recordSignInFailure(db, settings, request.email, request.ip);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (matches.length > 1) {
    throw new AppError('ORGANIZATION_REQUIRED', 'This e-mail signs in to several organizations: name one.', {
      organizations: matches.map((m) => m.organization.slug),
    });
  }
  await clearSignInFailures(db, request.email);
  const secret = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + settings.maxHours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: digest(secret), orgId: match.organization.id, personId: match.person.id,
    userAgent: request.userAgent?.slice(0, 300) ?? null, expiresAt,
  });
  const roles = await rolesOf(db, match.person.id);
  const actor = actorFor(match.person, match.organization.id, roles, 'session');
  await recordAudit(db, actor, { action: 'session.sign_in', targetType: 'person', targetId: match.person.id, targetLabel: match.person.email });
  return { secret, expiresAt, view: viewOf(match.person, match.organization, roles, secret) };
}

function viewOf(
  person: typeof people.$inferSelect, organization: typeof organizations.$inferSelect, roles: RoleGrant[], secret: string,
): SessionView {
  return {
    person: { id: person.id, name: person.name, email: person.email, status: person.status },
    organization: { id: organization.id, slug: organization.slug, name: organization.name, isDemo: organization.isDemo },
    roles,
    csrfToken: csrfTokenFor(secret),
  };
}

export function actorFor(person: typeof people.$inferSelect, orgId: string, roles: RoleGrant[], via: Actor['via']): Actor {
  return { orgId, personId: person.id, label: `${person.name} <${person.email}>`, via, roles };
}

/** A person of the organization acting as if signed in (the demo acts for its people this way). */
export async function actorOfPerson(db: Database, orgId: string, personId: string): Promise<Actor> {
  const [person] = await db.select().from(people).where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  if (!person) throw new AppError('NOT_FOUND', 'Person not found.');
  return actorFor(person, orgId, await rolesOf(db, personId), 'session');
}

/** Last-seen is written at most once a minute per session: a busy page must not write on every request. */
const LAST_SEEN_PRECISION_MS = 60_000;

export async function resumeSession(db: Database, settings: SessionSettings, secret: string, now = new Date()) {
  const idleSince = new Date(now.getTime() - settings.idleMinutes * 60_000);
  const [found] = await db
    .select({ session: sessions, person: people, organization: organizations })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .innerJoin(organizations, eq(organizations.id, sessions.orgId))
    .where(and(eq(sessions.tokenHash, digest(secret)), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince), ne(people.status, 'left')));
  if (!found) return undefined;
  if (now.getTime() - found.session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, found.session.tokenHash));
  }
  const roles = await rolesOf(db, found.person.id);
  return { actor: actorFor(found.person, found.organization.id, roles, 'session'), view: viewOf(found.person, found.organization, roles, secret) };
}

export async function signOut(db: Database, secret: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, digest(secret)));
}

/** Ends every session of a person (password change, removal, status "left"). */
export async function endSessionsOf(db: Database, personId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.personId, personId));
}
