// /health says the process is up; /ready says it can do its work (the database
// answers). Load balancers and orchestrators use them.
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { HerdDatabase } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { HerdApp } from './herd-module.ts';

export function registerHealthRoutes(app: HerdApp, database: HerdDatabase): void {
  app.get('/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Readiness: the database answers', response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }) } },
  }, async (request) => {
    try {
      await database.db.execute(sql`select 1`);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: database unavailable');
      throw new AppError('NOT_READY', 'The database does not answer.');
    }
    return { status: 'ready' as const, database: database.driver };
  });
}
