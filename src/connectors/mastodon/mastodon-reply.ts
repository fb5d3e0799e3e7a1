// Publishes a reply on Mastodon: a status in reply to the parent (mastodon-account-api.ts
// posts it, under Mastodon's Idempotency-Key), mentioning the parent's author.
import { ConnectorError, type OutgoingReply, type PublishedReply, type ReplyContext } from '../connector.ts';
import { postStatus } from './mastodon-account-api.ts';
import { isStatus } from './mastodon-status.ts';
import type { MastodonConfig } from './mastodon.connector.ts';
import { withMention } from './mastodon-mention.ts';

export async function replyOnMastodon(context: ReplyContext<MastodonConfig>, reply: OutgoingReply): Promise<PublishedReply> {
  const { config } = context;
  const host = new URL(config.instanceUrl).host;
  if (!config.accessToken) throw new ConnectorError('forbidden', `replying on ${host} needs an access token with the write:statuses scope in the source's settings`);
  const text = withMention(reply.text, parentAcct(reply.inReplyTo), new URL(config.instanceUrl).hostname);
  return postStatus(context, { instanceUrl: config.instanceUrl, accessToken: config.accessToken }, { text, idempotencyKey: reply.idempotencyKey, inReplyToId: reply.inReplyTo.externalId });
}

/** The account to mention: the parent status's own author (a reblog stands for the status it boosts), else the stored handle. */
function parentAcct(inReplyTo: OutgoingReply['inReplyTo']): string | undefined {
  const raw = inReplyTo.raw as { reblog?: unknown } | null;
  const status = isStatus(raw?.reblog) ? raw.reblog : raw;
  if (isStatus(status)) return status.account.acct;
  return inReplyTo.authorHandle?.replace(/^@/, '') || undefined;
}
