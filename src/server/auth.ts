// Authentication for every request: a session cookie (browsers) or a bearer API
// token (integrations) becomes `request.actor`. Routes are private unless they say
// `config: { public: true }`; cookie-authenticated writes must carry the CSRF token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Database } from '../db/index.ts';
import { authenticateApiToken, csrfTokenFor, resumeSession, sameSecret, type Actor, type SessionSettings, type SessionView } from '../modules/people/index.ts';

export const SESSION_COOKIE = 'herd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { secret: string; view: SessionView } | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

async function authenticate(request: FastifyRequest, db: Database, settings: SessionSettings): Promise<void> {
  const bearer = request.headers.authorization?.match(/^Bearer (.+)$/i)?.[1];
  if (bearer) {
    request.actor = (await authenticateApiToken(db, bearer.trim())) ?? null;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, revoked or expired.');
    return;
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return;
  const resumed = await resumeSession(db, settings, secret);
  if (!resumed) return;
  request.actor = resumed.actor;
  request.session = { secret, view: resumed.view };
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenFor(secret))) throw new AppError('CSRF_FAILED');
  }
}

export function installAuthentication(app: FastifyInstance, db: Database, settings: SessionSettings): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    await authenticate(request, db, settings);
    const isPublic = request.routeOptions.config?.public === true || !request.routeOptions.url;
    if (!isPublic && !request.actor) throw new AppError('UNAUTHENTICATED');
  });
}

/** The signed-in actor of a private route (the hook above guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
