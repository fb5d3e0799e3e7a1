// API tokens for integrations: created by a person, acting with that person's roles,
// shown once and stored only as a digest. They carry no cookie, so no CSRF check.
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { apiTokens, organizations, people } from './people.schema.ts';
import type { Actor } from './access.ts';
import { actorFor, rolesOf } from './sign-in.ts';
import { digest, newSecret } from './secret-tokens.ts';
import { recordAudit } from './audit-log.ts';

export const API_TOKEN_PREFIX = 'herd_';

const publicColumns = {
  id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt,
};

function ownerOf(actor: Actor): string {
  if (!actor.personId) throw new Error('API tokens belong to people; the system actor has none');
  return actor.personId;
}

export async function createApiToken(db: Database, actor: Actor, input: { name: string; expiresInDays?: number }) {
  const token = newSecret(API_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const [apiToken] = await db.insert(apiTokens).values({
    orgId: actor.orgId, personId: ownerOf(actor), name: input.name, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    tokenHash: digest(token), expiresAt,
  }).returning(publicColumns);
  await recordAudit(db, actor, { action: 'api_token.create', targetType: 'api_token', targetId: apiToken!.id, targetLabel: input.name, after: apiToken! });
  return { token, apiToken: apiToken! };
}

export async function listApiTokens(db: Database, actor: Actor) {
  return db.select(publicColumns).from(apiTokens)
    .where(and(eq(apiTokens.orgId, actor.orgId), eq(apiTokens.personId, ownerOf(actor))))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Database, actor: Actor, id: string): Promise<void> {
  const [revoked] = await db.update(apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, actor.orgId), eq(apiTokens.personId, ownerOf(actor)), isNull(apiTokens.revokedAt)))
    .returning(publicColumns);
  if (!revoked) throw notFound('API token');
  await recordAudit(db, actor, { action: 'api_token.revoke', targetType: 'api_token', targetId: id, targetLabel: revoked.name, after: revoked });
}

export async function authenticateApiToken(db: Database, token: string, now = new Date()): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const [found] = await db
    .select({ apiToken: apiTokens, person: people, organization: organizations })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .innerJoin(organizations, eq(organizations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, digest(token)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  if (!found || found.person.status === 'left') return undefined;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.apiToken.id));
  const actor = actorFor(found.person, found.organization.id, await rolesOf(db, found.person.id), 'api_token');
  return { ...actor, label: `${actor.label} via API token "${found.apiToken.name}"` };
}
