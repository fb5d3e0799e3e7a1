// What a module contributes to the app: its routes (and, as modules grow, jobs and
// CLI commands). src/server/app.ts lists the modules explicitly.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import type { GuardedHttp } from '../connectors/index.ts';

export type HerdApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What modules get from the app: the database, the settings, and HTTP to the outside through the SSRF guard. */
export interface ModuleContext { db: Database; config: Config; http: GuardedHttp }

export interface HerdModule {
  name: string;
  registerRoutes(app: HerdApp, context: ModuleContext): void;
}
