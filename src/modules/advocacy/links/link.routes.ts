// The public short-link redirect, `GET /s/:code`: no sign-in, no CSRF (a GET that
// changes nothing a visitor can see). It answers from memory for known and recently
// unknown codes, and counts the click (people only, floods capped) durably before
// answering; see click-recorder.ts for why the redirect waits for the commit.
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { sendError } from '../../../server/error-handler.ts';
import { notFound } from '../../../errors.ts';
import { codePattern, findTrackedLink } from './tracked-links.ts';
import { createLinkCache, type CachedLink, type LinkCache } from './link-cache.ts';
import { createVisitorHasher, type VisitorHasher } from './visitor-hash.ts';
import { createClickRecorder, type ClickRecorder } from './click-recorder.ts';
import { createSourceFloodGuard, type SourceFloodGuard } from './source-flood-guard.ts';
import { isCountedAgent } from './bot-filter.ts';

// Any string: a malformed code is an unknown one (404), not a bad request.
const CodeParams = Type.Object({ code: Type.String() });

/** What the redirect keeps in memory; tests pass their own to control the clock and salt. */
export interface LinkRedirectParts {
  cache?: LinkCache;
  hasher?: VisitorHasher;
  recorder?: ClickRecorder;
  floodGuard?: SourceFloodGuard;
}

export function registerLinkRoutes(app: HerdApp, { db }: ModuleContext, parts: LinkRedirectParts = {}): void {
  const cache = parts.cache ?? createLinkCache();
  const hasher = parts.hasher ?? createVisitorHasher();
  const floodGuard = parts.floodGuard ?? createSourceFloodGuard();
  const recorder = parts.recorder ?? createClickRecorder(db, {
    onBatchError: (error, clicksLost) => app.log.error({ err: error, clicksLost }, 'tracked links: a batch of clicks could not be stored; the visitors were redirected'),
  });
  // Clicks already handed over are written before the database closes.
  app.addHook('onClose', () => recorder.drain());

  const linkOf = async (code: string): Promise<CachedLink | null> => {
    const cached = cache.get(code);
    if (cached !== undefined) return cached;
    const link = (await findTrackedLink(db, code)) ?? null;
    cache.set(code, link);
    return link;
  };

  const redirect = (reply: FastifyReply, targetUrl: string) => reply.header('cache-control', 'no-store').redirect(targetUrl, 302);

  app.get('/s/:code', {
    config: { public: true },
    // Runs after the app's onSend, which sets same-origin. This is the browsers' default instead: the story's site may
    // learn which site the link was clicked on (its origin only), as with any plain link; the UTM tags say as much.
    onSend: async (_request, reply) => {
      reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    },
    schema: { tags: ['advocacy'], summary: 'Follow a share\'s tracked link to its story (counts the click)', params: CodeParams, response: { 404: Type.Ref('ErrorBody') } },
  }, async (request, reply) => {
    const { code } = request.params;
    const link = codePattern.test(code) ? await linkOf(code) : null;
    if (!link) return sendError(reply.header('cache-control', 'no-store'), notFound('This link'));
    const userAgent = request.headers['user-agent'];
    // Fastify answers HEAD through this handler too; link checkers send it, browsers following a link do not.
    if (request.method === 'GET' && isCountedAgent(userAgent)) {
      const { day, visitor, source } = hasher.visitorOf(request.ip, userAgent!);
      if (floodGuard.admits({ code, day, visitor, source })) await recorder.record({ code, day, visitor, at: new Date() });
    }
    return redirect(reply, link.targetUrl);
  });
}
