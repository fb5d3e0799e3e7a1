// "Test connection" for a source: asks its connector, which reports problems rather than throwing.
import type { Database } from '../../db/index.ts';
import { connectorFor, type GuardedHttp, type HealthReport } from '../../connectors/index.ts';
import { requireAccess, type Actor } from '../people/index.ts';
import { findSource } from './sources.ts';

export async function checkSourceHealth(db: Database, http: GuardedHttp, actor: Actor, id: string): Promise<HealthReport> {
  requireAccess(actor, 'listening.manage');
  const source = await findSource(db, actor, id);
  const connector = connectorFor(source.kind);
  if (!connector) return { ok: false, message: `There is no connector for "${source.kind}" any more.` };
  return connector.checkHealth({
    config: connector.parseConfig(source.config), cursor: source.cursor ?? null, http, signal: AbortSignal.timeout(30_000), now: () => new Date(),
  });
}
