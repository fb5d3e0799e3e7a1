// Builds the HTTP app: plugins, the modules' routes, health checks, OpenAPI and the
// web app. It opens no port, so tests drive it with `app.inject()`; src/main.ts
// listens and shuts down.
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/index.ts';
import type { HerdDatabase } from '../db/index.ts';
import { peopleModule } from '../modules/people/index.ts';
import { listeningModule } from '../modules/listening/index.ts';
import { triageModule } from '../modules/triage/index.ts';
import { routingModule } from '../modules/routing/index.ts';
import { respondModule } from '../modules/respond/index.ts';
import { advocacyModule } from '../modules/advocacy/index.ts';
import { crisisModule } from '../modules/crisis/index.ts';
import { demoModule } from '../demo/demo.module.ts';
import { insightsModule } from '../modules/insights/index.ts';
import type { GuardedHttp } from '../connectors/index.ts';
import { createLiveHub } from '../modules/routing/live/index.ts';
import { sessionSettings } from '../modules/people/auth.routes.ts';
import type { HerdApp, HerdModule } from './herd-module.ts';
import { installErrorHandler } from './error-handler.ts';
import { installAuthentication } from './auth.ts';
import { ErrorBody } from './error-body.ts';
import { registerHealthRoutes } from './health.ts';
import { installNotFound, registerWebApp } from './web-app.ts';

/** Every module of Herd, in dependency order. Adding a module means adding it here. */
export const modules: HerdModule[] = [peopleModule, listeningModule, triageModule, routingModule, respondModule, advocacyModule, crisisModule, insightsModule, demoModule];

export interface AppOptions {
  config: Config;
  database: HerdDatabase;
  /** HTTP to the outside world (feeds, network APIs), through the SSRF guard. */
  http: GuardedHttp;
  /** Serve the built web app from this folder (skipped when absent). */
  webRoot?: string;
}

const LOG_REDACTIONS = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export async function buildApp({ config, database, http, webRoot }: AppOptions): Promise<HerdApp> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: LOG_REDACTIONS },
    bodyLimit: config.bodyLimitBytes,
    // Only the proxies named are believed: anyone else could put any address in X-Forwarded-For.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // discriminator: a oneOf keyed by a property validates (and strips) only the branch the key names.
    ajv: { customOptions: { removeAdditional: 'all', allErrors: true, coerceTypes: 'array', useDefaults: true, discriminator: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addContentTypeParser(['text/csv', 'application/x-ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit: config.importLimitBytes }, (_request, body, done) => done(null, body));
  app.addSchema(ErrorBody);
  installErrorHandler(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'same-origin');
  });

  app.addHook('onRoute', (route) => {
    // The web app's files and the API docs are public; every other API route is private unless it says otherwise.
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Herd API', version: '0.1.0', description: 'Every route answers errors as { error: { code, message, details } }.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'herd_session' }, apiToken: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { apiToken: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // Listens only once someone opens /api/live, so worker-only processes hold no extra connection.
  const live = createLiveHub(database, (error) => app.log.warn({ err: error }, 'live events: listening failed'));
  app.addHook('onClose', () => live.close());
  const context = { db: database.db, config, http, live };
  installAuthentication(app, database.db, sessionSettings(config));
  registerHealthRoutes(app, database);
  for (const module of modules) module.registerRoutes(app, context);
  installNotFound(app, await registerWebApp(app, webRoot));
  return app;
}
