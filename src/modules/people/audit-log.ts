// The audit log: who did what to what, and when, with the record before and after a
// change. Written in the same transaction as the change it describes, so the log and
// the data never disagree. Secrets are stripped before anything is written.
import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../db/index.ts';
import { auditEvents } from './people.schema.ts';
import { requireAccess, type Actor } from './access.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string | null;
  before?: object | null;
  after?: object | null;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'token']);

function withoutSecrets(record: object | null | undefined): object | null {
  if (!record) return null;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (SECRET_FIELDS.has(key)) continue;
    copy[key] = value instanceof Date ? value.toISOString() : value;
  }
  return copy;
}

export async function recordAudit(db: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    orgId: actor.orgId,
    actorPersonId: actor.personId,
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel ?? null,
    before: withoutSecrets(entry.before),
    after: withoutSecrets(entry.after),
  });
}

export interface AuditFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorPersonId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

export async function listAuditEvents(db: Database, actor: Actor, filter: AuditFilter) {
  requireAccess(actor, 'audit.read');
  const conditions = [eq(auditEvents.orgId, actor.orgId)];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
  if (filter.actorPersonId) conditions.push(eq(auditEvents.actorPersonId, filter.actorPersonId));
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.at, new Date(filter.to)));
  if (filter.cursor) conditions.push(lt(auditEvents.id, Number(decodeCursor(filter.cursor, 1)[0])));
  const rows = await db.select().from(auditEvents).where(and(...conditions)).orderBy(desc(auditEvents.id)).limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor([last.id]) : null };
}
