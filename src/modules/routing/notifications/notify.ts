// Telling people and channels, inside the caller's transaction: notification rows, their
// live events, and the jobs that mail or post them, all committed (or not) with the change.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import { staffByIds } from '../../people/index.ts';
import { notificationPreferences, notifications } from '../routing.schema.ts';
import { publishLive } from '../live/index.ts';
import { nextDigest, quietHoursEnd } from './email-schedule.ts';
import { deliverChannelMessage, sendNotificationDigest, sendNotificationEmail } from './notification.jobs.ts';
import type { ChannelMessage } from './channel-delivery.ts';

export interface NotificationInput { personIds: string[]; kind: string; conversationId: string | null; title: string; body: string }

/** One notification per distinct person of the organization (others are ignored), mailed as each prefers. */
export async function notifyPeople(tx: Database, orgId: string, input: NotificationInput, now = new Date()): Promise<void> {
  const staff = await staffByIds(tx, orgId, [...new Set(input.personIds)]);
  if (staff.length === 0) return;
  const rows = await tx.insert(notifications).values(staff.map((person) => ({
    orgId, personId: person.personId, kind: input.kind, conversationId: input.conversationId, title: input.title, body: input.body,
  }))).returning({ id: notifications.id, personId: notifications.personId });
  const preferences = await tx.select().from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), inArray(notificationPreferences.personId, staff.map((person) => person.personId))));
  for (const row of rows) {
    await publishLive(tx, { orgId, type: 'notification.created', personId: row.personId, notificationId: row.id });
    const preference = preferences.find((p) => p.personId === row.personId);
    const timeZone = staff.find((person) => person.personId === row.personId)!.timeZone;
    const mode = preference?.email ?? 'instant';
    if (mode === 'instant') {
      const quietUntil = preference?.quietStart && preference.quietEnd ? quietHoursEnd(now, timeZone, preference.quietStart, preference.quietEnd) : null;
      await enqueueJob(tx, sendNotificationEmail, { notificationId: row.id }, { orgId, key: `notification-email:${row.id}`, ...(quietUntil && { runAt: quietUntil }) });
    } else if (mode === 'digest') {
      const digest = nextDigest(now, timeZone, preference!.digestHour);
      await enqueueJob(tx, sendNotificationDigest, { personId: row.personId, day: digest.day }, { orgId, key: `digest:${row.personId}:${digest.day}`, runAt: digest.at });
    }
  }
}

/** One delivery job per channel; a channel of another organization is skipped by the job. */
export async function notifyChannels(tx: Database, orgId: string, channelIds: string[], message: ChannelMessage): Promise<void> {
  for (const channelId of new Set(channelIds)) await enqueueJob(tx, deliverChannelMessage, { channelId, ...message }, { orgId });
}
