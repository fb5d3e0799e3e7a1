// Sources: one configured channel each (a feed, a Mastodon search, a webhook …),
// with its connector's settings, its durable cursor and its health.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError, conflict, invalid, notFound } from '../../errors.ts';
import { isUniqueViolation } from '../../db/index.ts';
import { recordAudit, requireAccess, type Actor } from '../people/index.ts';
import { connectorFor, listConnectors } from '../../connectors/index.ts';
import { mentions, sources, type sourceMatchModes, type sourceStatuses } from './listening.schema.ts';

export interface SourceInput {
  kind: string;
  name: string;
  config: Record<string, unknown>;
  matchMode?: (typeof sourceMatchModes)[number];
}
export interface SourcePatch { name?: string; config?: Record<string, unknown>; status?: (typeof sourceStatuses)[number]; matchMode?: SourceInput['matchMode'] }

type SourceRow = typeof sources.$inferSelect;

/** The configuration as shown to people: without the connector's secret keys, unless revealing them (once, on create). */
function shownConfig(row: SourceRow, revealSecrets: boolean): Record<string, unknown> {
  const secretKeys = connectorFor(row.kind)?.secretConfigKeys ?? [];
  if (revealSecrets || secretKeys.length === 0) return row.config;
  return Object.fromEntries(Object.entries(row.config).filter(([key]) => !secretKeys.includes(key)));
}

export function sourceView(row: SourceRow, options: { revealSecrets?: boolean } = {}) {
  return {
    id: row.id, kind: row.kind, name: row.name, config: shownConfig(row, options.revealSecrets ?? false), status: row.status, matchMode: row.matchMode,
    health: {
      lastPolledAt: row.lastPolledAt, lastSuccessAt: row.lastSuccessAt, lastError: row.lastError, lastWarning: row.lastWarning,
      consecutiveFailures: row.consecutiveFailures, nextPollAt: row.nextPollAt,
    },
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
export type SourceView = ReturnType<typeof sourceView>;

/** Checks the settings with the connector itself, so errors name the field (body.config.url). */
export function validatedConfig(kind: string, config: unknown): Record<string, unknown> {
  const connector = connectorFor(kind);
  if (!connector) {
    throw invalid([{ field: 'body.kind', message: `must be one of ${listConnectors().map((c) => c.kind).join(', ')}` }]);
  }
  try {
    return connector.parseConfig(config) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AppError && Array.isArray(error.details)) {
      throw invalid((error.details as { field: string; message: string }[]).map((d) => ({ ...d, field: `body.${d.field}` })));
    }
    throw error;
  }
}

export async function findSource(db: Database, actor: Actor, id: string): Promise<SourceRow> {
  const [row] = await db.select().from(sources).where(and(eq(sources.id, id), eq(sources.orgId, actor.orgId)));
  if (!row) throw notFound('Source');
  return row;
}

const nameTaken = (name: string | undefined) => conflict(`A source named "${name}" already exists.`, [{ field: 'body.name', message: 'is already taken' }]);

export async function createSource(db: Database, actor: Actor, input: SourceInput): Promise<SourceView> {
  requireAccess(actor, 'listening.manage');
  const config = validatedConfig(input.kind, input.config);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(sources).values({ orgId: actor.orgId, kind: input.kind, name: input.name, config, matchMode: input.matchMode ?? 'topics' })
      .returning().catch((error) => { throw isUniqueViolation(error) ? nameTaken(input.name) : error; });
    const view = sourceView(row!);
    await recordAudit(tx, actor, { action: 'source.create', targetType: 'source', targetId: view.id, targetLabel: view.name, after: view });
    // The one time a secret (a webhook's signing key, generated when not given) is shown.
    return sourceView(row!, { revealSecrets: true });
  });
}

export async function updateSource(db: Database, actor: Actor, id: string, patch: SourcePatch): Promise<SourceView> {
  requireAccess(actor, 'listening.manage');
  const before = await findSource(db, actor, id);
  const changes: Partial<SourceRow> = { ...patch, updatedAt: new Date() };
  if (patch.config !== undefined) {
    // People never see secrets after creation, so a change that leaves one out keeps it.
    const kept = Object.fromEntries((connectorFor(before.kind)?.secretConfigKeys ?? []).filter((key) => key in before.config).map((key) => [key, before.config[key]]));
    changes.config = validatedConfig(before.kind, { ...kept, ...patch.config });
  }
  // Resuming a paused source polls it at once, with a clean slate of failures.
  if (patch.status === 'active' && before.status === 'paused') Object.assign(changes, { nextPollAt: new Date(), consecutiveFailures: 0 });
  return db.transaction(async (tx) => {
    const [row] = await tx.update(sources).set(changes).where(eq(sources.id, id)).returning()
      .catch((error) => { throw isUniqueViolation(error) ? nameTaken(patch.name) : error; });
    const view = sourceView(row!);
    await recordAudit(tx, actor, { action: 'source.update', targetType: 'source', targetId: id, targetLabel: view.name, before: sourceView(before), after: view });
    return view;
  });
}

export async function deleteSource(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'listening.manage');
  const before = await findSource(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(sources).where(eq(sources.id, id));
    await recordAudit(tx, actor, { action: 'source.delete', targetType: 'source', targetId: id, targetLabel: before.name, before: sourceView(before) });
  });
}

export async function getSource(db: Database, actor: Actor, id: string): Promise<SourceView> {
  requireAccess(actor, 'mentions.read');
  return sourceView(await findSource(db, actor, id));
}

/** Sources with their mentions per day over the last `days` days (oldest first), for the health view. */
export async function listSources(db: Database, actor: Actor, days = 7) {
  requireAccess(actor, 'mentions.read');
  const rows = await db.select().from(sources).where(eq(sources.orgId, actor.orgId)).orderBy(asc(sql`lower(${sources.name})`));
  const since = new Date(Date.now() - days * 86_400_000);
  const counts = await db
    .select({ sourceId: mentions.sourceId, day: sql<string>`to_char(date_trunc('day', ${mentions.receivedAt} at time zone 'UTC'), 'YYYY-MM-DD')`, n: sql<number>`count(*)::int` })
    .from(mentions).where(and(eq(mentions.orgId, actor.orgId), gte(mentions.receivedAt, since)))
    .groupBy(mentions.sourceId, sql`2`);
  return rows.map((row) => ({
    ...sourceView(row),
    mentionsPerDay: counts.filter((c) => c.sourceId === row.id).map(({ day, n }) => ({ day, count: n })).sort((a, b) => a.day.localeCompare(b.day)),
  }));
}
