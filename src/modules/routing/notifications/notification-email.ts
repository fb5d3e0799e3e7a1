// Mailing notifications, once each: the row is locked and its emailedAt checked before
// sending, so a retried or doubled job never mails the same notification twice.
// Notifications read in the app before their mail goes out are not mailed.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../../config/index.ts';
import type { Database } from '../../../db/index.ts';
import { staffByIds } from '../../people/index.ts';
import { notificationPreferences, notifications } from '../routing.schema.ts';
import { appLink, conversationPath, mailConfigured, sendMail } from './notification-mail.ts';

type NotificationRow = typeof notifications.$inferSelect;

const unmailed = (orgId: string) => and(eq(notifications.orgId, orgId), isNull(notifications.emailedAt), isNull(notifications.readAt));

async function recipientOf(tx: Database, orgId: string, personId: string): Promise<string | undefined> {
  const [person] = await staffByIds(tx, orgId, [personId]);
  const [preference] = await tx.select({ email: notificationPreferences.email }).from(notificationPreferences).where(eq(notificationPreferences.personId, personId));
  return person && person.status !== 'left' && preference?.email !== 'off' ? person.email : undefined;
}

const describe = (config: Config | undefined, row: NotificationRow) =>
  [row.title, row.body, row.conversationId ? appLink(config, conversationPath(row.conversationId)) : ''].filter(Boolean).join('\n');

export async function mailNotification(db: Database, config: Config | undefined, orgId: string, notificationId: number): Promise<void> {
  if (!mailConfigured(config)) return;
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(notifications).where(and(eq(notifications.id, notificationId), unmailed(orgId))).for('update');
    if (!row) return;
    const to = await recipientOf(tx, orgId, row.personId);
    if (!to) return;
    await sendMail(config, { to, subject: row.title, text: `${describe(config, row)}\n` });
    await tx.update(notifications).set({ emailedAt: sql`now()` }).where(eq(notifications.id, row.id));
  });
}

export async function mailDigest(db: Database, config: Config | undefined, orgId: string, personId: string): Promise<void> {
  if (!mailConfigured(config)) return;
  await db.transaction(async (tx) => {
    const rows = await tx.select().from(notifications).where(and(eq(notifications.personId, personId), unmailed(orgId)))
      .orderBy(asc(notifications.id)).for('update');
    if (rows.length === 0) return;
    const to = await recipientOf(tx, orgId, personId);
    const subject = rows.length === 1 ? rows[0]!.title : `${rows.length} notifications from Herd`;
    const text = `${rows.map((row) => describe(config, row)).join('\n\n')}\n\n${appLink(config, '/notifications')}\n`;
    if (!to) return;
    await sendMail(config, { to, subject, text });
    await tx.update(notifications).set({ emailedAt: sql`now()` }).where(inArray(notifications.id, rows.map((row) => row.id)));
  });
}
