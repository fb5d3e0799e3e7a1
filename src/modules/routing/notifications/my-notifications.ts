// A person's own notifications: newest first, paged by id, and marking them read.
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { forbidden } from '../../../errors.ts';
import type { Actor } from '../../people/index.ts';
import { notifications } from '../routing.schema.ts';

export function personOf(actor: Actor): string {
  if (!actor.personId) throw forbidden('Only a person has notifications.');
  return actor.personId;
}

const own = (actor: Actor) => and(eq(notifications.orgId, actor.orgId), eq(notifications.personId, personOf(actor)));

export async function listMyNotifications(db: Database, actor: Actor, query: { unread?: boolean; cursor?: string; limit?: number }) {
  const limit = query.limit ?? 50;
  const after = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : undefined;
  const rows = await db.select({
    id: notifications.id, kind: notifications.kind, conversationId: notifications.conversationId, title: notifications.title,
    body: notifications.body, createdAt: notifications.createdAt, readAt: notifications.readAt,
  }).from(notifications).where(and(own(actor), query.unread ? isNull(notifications.readAt) : undefined, after !== undefined ? lt(notifications.id, after) : undefined))
    .orderBy(desc(notifications.id)).limit(limit + 1);
  const [unread] = await db.select({ n: count() }).from(notifications).where(and(own(actor), isNull(notifications.readAt)));
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null, unread: unread?.n ?? 0 };
}

export async function markMyNotificationsRead(db: Database, actor: Actor, input: { ids?: number[]; all?: boolean }): Promise<{ marked: number }> {
  if (!input.all && !input.ids?.length) return { marked: 0 };
  const marked = await db.update(notifications).set({ readAt: sql`now()` })
    .where(and(own(actor), isNull(notifications.readAt), input.all ? undefined : inArray(notifications.id, input.ids!)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
