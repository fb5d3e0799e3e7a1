// Serves the built React app (web/dist) and answers unknown non-API paths with its
// index.html, so client-side routes survive a reload.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.ts';
import { sendError } from './error-handler.ts';
import type { HerdApp } from './herd-module.ts';

/** Registers the static files; returns whether a built app was found. */
export async function registerWebApp(app: HerdApp, webRoot: string | undefined): Promise<boolean> {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  return true;
}

/** Unknown API paths get a JSON 404; any other GET gets the app, whose router shows its own "not found". */
export function installNotFound(app: HerdApp, webAppServed: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (!webAppServed || request.method !== 'GET' || path === '/api' || path.startsWith('/api/')) {
      return sendError(reply, new AppError('ROUTE_NOT_FOUND', `There is no route ${request.method} ${path}.`));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
