// /health says the process is up; /ready says it can do its work: the database
// answers and the job queue moves (no due job has waited long, so workers are alive
// somewhere and keep up). Load balancers and orchestrators use them.
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { HerdDatabase } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { HerdApp } from './herd-module.ts';
import { oldestDueJobAgeSeconds } from '../jobs/index.ts';

/** A due job waiting longer than this means no worker is taking jobs. */
export const STUCK_QUEUE_SECONDS = 120;

export function registerHealthRoutes(app: HerdApp, database: HerdDatabase): void {
  app.get('/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    config: { public: true },
    schema: {
      tags: ['health'], summary: 'Readiness: the database answers and the job queue moves',
      response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), oldestDueJobSeconds: Type.Integer() }) },
    },
  }, async (request) => {
    let waited: number;
    try {
      await database.db.execute(sql`select 1`);
      waited = await oldestDueJobAgeSeconds(database.db);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: database unavailable');
      throw new AppError('NOT_READY', 'The database does not answer.');
    }
    if (waited > STUCK_QUEUE_SECONDS) throw new AppError('NOT_READY', `The job queue is stuck: a due job has waited ${waited} s. Is a worker running (--roles worker)?`);
    return { status: 'ready' as const, database: database.driver, oldestDueJobSeconds: waited };
  });
}
