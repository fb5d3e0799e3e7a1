// Posting a message to an outgoing webhook channel: Slack- or Teams-compatible JSON,
// signed like Herd's inbound webhooks (X-Herd-Timestamp, X-Herd-Signature: sha256=HMAC
// of "<timestamp>.<body>"), with the outcome kept on the channel.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import type { GuardedHttp } from '../../../connectors/index.ts';
import { signWebhook } from '../../listening/index.ts';
import { notificationChannels } from '../routing.schema.ts';

export interface ChannelMessage { title: string; text: string; url?: string }
type Channel = Pick<typeof notificationChannels.$inferSelect, 'id' | 'format' | 'url' | 'secret'>;
export interface DeliveryOutcome { delivered: boolean; status: number | null; error: string | null }

export function channelPayload(format: Channel['format'], { title, text, url }: ChannelMessage): object {
  if (format === 'teams') {
    return {
      '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: title, title, text,
      ...(url && { potentialAction: [{ '@type': 'OpenUri', name: 'Open in Herd', targets: [{ os: 'default', uri: url }] }] }),
    };
  }
  return {
    text: `${title}\n${text}${url ? `\n${url}` : ''}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${text}` } },
      ...(url ? [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Herd' }, url }] }] : []),
    ],
  };
}

export async function deliverToChannel(db: Database, http: GuardedHttp, channel: Channel, message: ChannelMessage, now = new Date()): Promise<DeliveryOutcome> {
  const body = JSON.stringify(channelPayload(channel.format, message));
  const timestamp = String(Math.floor(now.getTime() / 1000));
  let outcome: DeliveryOutcome;
  try {
    const response = await http.post(channel.url, body, {
      headers: { 'content-type': 'application/json', 'x-herd-timestamp': timestamp, 'x-herd-signature': signWebhook(channel.secret, timestamp, body) },
    });
    const delivered = response.status >= 200 && response.status < 300;
    const retryAfter = response.headers['retry-after'];
    outcome = { delivered, status: response.status, error: delivered ? null : `HTTP ${response.status}${retryAfter ? ` (Retry-After: ${retryAfter})` : ''}` };
  } catch (error) {
    outcome = { delivered: false, status: null, error: (error as Error).message };
  }
  await db.update(notificationChannels)
    .set(outcome.delivered ? { lastDeliveryAt: now, lastError: null } : { lastError: outcome.error })
    .where(eq(notificationChannels.id, channel.id));
  return outcome;
}
