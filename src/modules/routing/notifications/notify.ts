// Telling people and channels, inside the caller's transaction: notification rows, their
// live events, and the jobs that mail or post them, all committed (or not) with the change.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { enqueueJob, enqueueJobs, type EnqueueOptions } from '../../../jobs/index.ts';
import { staffByIds } from '../../people/index.ts';
import { notificationPreferences, notifications } from '../routing.schema.ts';
import { publishLiveEvents } from '../live/index.ts';
import { nextDigest, quietHoursEnd } from './email-schedule.ts';
import { deliverChannelMessage, sendNotificationDigest, sendNotificationEmail } from './notification.jobs.ts';
import type { ChannelMessage } from './channel-delivery.ts';

export interface NotificationInput { personIds: string[]; kind: string; conversationId: string | null; title: string; body: string }

/**
 * One notification per distinct person of the organization (others are ignored), mailed
 * as each prefers. Takes many at once: a batch of routed conversations tells everyone
 * in a handful of statements.
 */
export async function notifyPeople(tx: Database, orgId: string, input: NotificationInput | NotificationInput[], now = new Date()): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  const staff = new Map((await staffByIds(tx, orgId, [...new Set(inputs.flatMap((i) => i.personIds))])).map((person) => [person.personId, person]));
  const values = inputs.flatMap((i) => [...new Set(i.personIds)].filter((id) => staff.has(id)).map((personId) => ({
    orgId, personId, kind: i.kind, conversationId: i.conversationId, title: i.title, body: i.body,
  })));
  if (values.length === 0) return;
  const rows = await tx.insert(notifications).values(values).returning({ id: notifications.id, personId: notifications.personId });
  const preferences = new Map((await tx.select().from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), inArray(notificationPreferences.personId, [...new Set(rows.map((row) => row.personId))]))))
    .map((preference) => [preference.personId, preference]));
  await publishLiveEvents(tx, rows.map((row) => ({ orgId, type: 'notification.created' as const, personId: row.personId, notificationId: row.id })));
  const instant: { payload: { notificationId: number }; options: EnqueueOptions }[] = [];
  const digests: { payload: { personId: string; day: string }; options: EnqueueOptions }[] = [];
  for (const row of rows) {
    const preference = preferences.get(row.personId);
    const timeZone = staff.get(row.personId)!.timeZone;
    const mode = preference?.email ?? 'instant';
    if (mode === 'instant') {
      const quietUntil = preference?.quietStart && preference.quietEnd ? quietHoursEnd(now, timeZone, preference.quietStart, preference.quietEnd) : null;
      instant.push({ payload: { notificationId: row.id }, options: { orgId, key: `notification-email:${row.id}`, ...(quietUntil && { runAt: quietUntil }) } });
    } else if (mode === 'digest') {
      const digest = nextDigest(now, timeZone, preference!.digestHour);
      digests.push({ payload: { personId: row.personId, day: digest.day }, options: { orgId, key: `digest:${row.personId}:${digest.day}`, runAt: digest.at } });
    }
  }
  await enqueueJobs(tx, sendNotificationEmail, instant);
  await enqueueJobs(tx, sendNotificationDigest, digests);
}

/** One delivery job per channel; a channel of another organization is skipped by the job. */
export async function notifyChannels(tx: Database, orgId: string, channelIds: string[], message: ChannelMessage): Promise<void> {
  for (const channelId of new Set(channelIds)) await enqueueJob(tx, deliverChannelMessage, { channelId, ...message }, { orgId });
}
