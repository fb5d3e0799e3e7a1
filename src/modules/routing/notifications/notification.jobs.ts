// The notification jobs: one e-mail per notification, one digest per person and day,
// and one webhook delivery per channel and message (retried with backoff on failure).
import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineJob, PermanentJobError, type JobContext } from '../../../jobs/index.ts';
import { notificationChannels } from '../routing.schema.ts';
import { mailDigest, mailNotification } from './notification-email.ts';
import { deliverToChannel } from './channel-delivery.ts';
import { appLink } from './notification-mail.ts';

function orgOf(context: JobContext): string {
  if (!context.orgId) throw new PermanentJobError('a notification job needs its organization');
  return context.orgId;
}

export const sendNotificationEmail = defineJob({
  kind: 'routing.send-notification-email',
  payload: Type.Object({ notificationId: Type.Integer() }),
  handle: ({ notificationId }, context) => mailNotification(context.db, context.config, orgOf(context), notificationId),
});

export const sendNotificationDigest = defineJob({
  kind: 'routing.send-notification-digest',
  payload: Type.Object({ personId: Type.String(), day: Type.String() }),
  handle: ({ personId }, context) => mailDigest(context.db, context.config, orgOf(context), personId),
});

export const deliverChannelMessage = defineJob({
  kind: 'routing.deliver-channel-message',
  payload: Type.Object({ channelId: Type.String(), title: Type.String(), text: Type.String(), url: Type.Optional(Type.String()) }),
  maxAttempts: 8,
  async handle({ channelId, ...message }, context) {
    if (!context.http) throw new PermanentJobError('this worker was started without outbound HTTP');
    const [channel] = await context.db.select().from(notificationChannels)
      .where(and(eq(notificationChannels.id, channelId), eq(notificationChannels.orgId, orgOf(context))));
    if (!channel) return;
    const outcome = await deliverToChannel(context.db, context.http, channel, { ...message, ...(message.url && { url: appLink(context.config, message.url) }) });
    // The queue retries with its own backoff; it cannot yet wait for a Retry-After, which stays in the error.
    if (!outcome.delivered) throw new Error(`delivery to channel ${channel.name} failed: ${outcome.error}`);
  },
});

export const notificationJobs = [sendNotificationEmail, sendNotificationDigest, deliverChannelMessage];
