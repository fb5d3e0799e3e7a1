// Sign-in, sign-out, the current session and API tokens.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import type { Config } from '../../config/index.ts';
import { actorOf, SESSION_COOKIE } from '../../server/auth.ts';
import { AppError } from '../../errors.ts';
import { signIn, signOut, type SessionSettings } from './sign-in.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { availabilities, setMyAvailability } from './availability.ts';
import { Id, IdParams, PersonStatus } from './people.contract.ts';

const Session = Type.Object({
  person: Type.Object({ id: Id, name: Type.String(), email: Type.String(), status: PersonStatus }),
  organization: Type.Object({ id: Id, slug: Type.String(), name: Type.String(), isDemo: Type.Boolean() }),
  roles: Type.Array(Type.Object({ role: Type.String(), spokeId: Type.Union([Id, Type.Null()]) })),
  csrfToken: Type.String(),
});
/** What a person may say of themselves: leaving ('left') is a manager's change. */
const AvailabilityBody = Type.Object({ status: Type.Enum(availabilities) });
const Timestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const ApiToken = Type.Object({ id: Id, name: Type.String(), prefix: Type.String(), createdAt: Timestamp, lastUsedAt: Timestamp, expiresAt: Timestamp, revokedAt: Timestamp });

export function sessionSettings(config: Config): SessionSettings {
  return {
    idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours, passwordCost: config.passwordCost,
    maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes,
  };
}

export function registerAuthRoutes(app: HerdApp, context: ModuleContext): void {
  const { db, config } = context;
  const settings = sessionSettings(config);
  const secureCookies = config.publicUrl.startsWith('https:');

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['sign-in'], summary: 'Sign in with e-mail and password',
      body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 200 }), organization: Type.Optional(Type.String({ maxLength: 63 })) }),
      response: { 200: Session },
    },
  }, async (request, reply) => {
    const session = await signIn(db, settings, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, session.secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: session.expiresAt });
    return session.view;
  });

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['sign-in'], summary: 'Sign out (ends the session)' } }, async (request, reply) => {
    if (request.session) await signOut(db, request.session.secret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/session', { schema: { tags: ['sign-in'], summary: 'The signed-in session', response: { 200: Session } } }, async (request) => {
    if (!request.session) throw new AppError('BAD_REQUEST', 'API tokens have no session; use a session cookie.');
    return request.session.view;
  });

  app.put('/api/auth/session/availability', {
    schema: {
      tags: ['sign-in'], summary: 'Say you are away (no new conversations are assigned to you) or back',
      body: AvailabilityBody,
      response: { 200: AvailabilityBody },
    },
  }, async (request) => ({ status: await setMyAvailability(db, actorOf(request), request.body.status) }));

  app.get('/api/tokens', { schema: { tags: ['api tokens'], summary: 'Your API tokens', response: { 200: Type.Object({ items: Type.Array(ApiToken) }) } } },
    async (request) => ({ items: await listApiTokens(db, actorOf(request)) }));

  app.post('/api/tokens', {
    schema: {
      tags: ['api tokens'], summary: 'Create an API token (the token is shown only in this answer)',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }),
      response: { 201: Type.Object({ token: Type.String(), apiToken: ApiToken }) },
    },
  }, async (request, reply) => reply.status(201).send(await createApiToken(db, actorOf(request), request.body)));

  app.delete('/api/tokens/:id', { schema: { tags: ['api tokens'], summary: 'Revoke an API token', params: IdParams } }, async (request, reply) => {
    await revokeApiToken(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
}
