// What a module contributes to the app: its routes and the background jobs its
// workers run. src/server/app.ts lists the modules explicitly.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import type { GuardedHttp } from '../connectors/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import type { LiveHub } from '../modules/routing/live/index.ts';

export type HerdApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What modules get from the app: the database, the settings, HTTP to the outside through the SSRF guard, and the live event feed. */
export interface ModuleContext { db: Database; config: Config; http: GuardedHttp; live?: LiveHub }

export interface HerdModule {
  name: string;
  registerRoutes(app: HerdApp, context: ModuleContext): void;
  /** Jobs run by workers, some subscribed to lower modules' events. */
  jobs?: readonly JobDefinition[];
}
