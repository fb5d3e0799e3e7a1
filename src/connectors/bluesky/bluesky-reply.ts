// Publishes a reply on Bluesky: an app.bsky.feed.post record whose reply refs thread it
// under the parent, written exactly once by bluesky-publish.ts with the account's app
// password.
import { ConnectorError, type OutgoingReply, type PublishedReply, type ReplyContext } from '../connector.ts';
import type { BlueskyConfig } from './bluesky.connector.ts';
import { postRecordOf, publishPost } from './bluesky-publish.ts';
import { replyRefsOf } from './bluesky-reply-refs.ts';
import type { SessionCache } from './bluesky-sessions.ts';

export async function replyOnBluesky(context: ReplyContext<BlueskyConfig>, reply: OutgoingReply, sessions: SessionCache): Promise<PublishedReply> {
  const { handle, appPassword } = context.config;
  if (!handle || !appPassword) throw new ConnectorError('forbidden', "replying on Bluesky needs the account's handle and an app password in the source's settings");
  const record = postRecordOf(reply.text, context.now(), { reply: replyRefsOf(reply.inReplyTo.raw) });
  return publishPost(context, { handle, appPassword }, record, reply.idempotencyKey, sessions);
}
