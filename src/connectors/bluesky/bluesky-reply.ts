// Publishes a reply on Bluesky: signs in to the account's PDS with an app password and
// creates an app.bsky.feed.post record whose reply refs thread it under the parent.
// The record key comes from the idempotency key, so a retry targets the same record;
// when a write fails in a way that may hide success (a timeout, a 5xx, which is what
// PDSs answer today for a key already used, or a 400), the PDS is asked whether the
// record exists before the failure is reported.
import { ConnectorError, type OutgoingReply, type PublishedReply, type ReplyContext } from '../connector.ts';
import type { BlueskyConfig } from './bluesky.connector.ts';
import { linkFacets } from './bluesky-facets.ts';
import { createRecord, getRecord, type Session } from './bluesky-pds.ts';
import { SITE } from './bluesky-post.ts';
import { recordKeyFor } from './bluesky-record-key.ts';
import { replyRefsOf } from './bluesky-reply-refs.ts';
import type { SessionCache } from './bluesky-sessions.ts';

const POST_COLLECTION = 'app.bsky.feed.post';

type PostRecord = Record<string, unknown> & { createdAt: string };

export async function replyOnBluesky(context: ReplyContext<BlueskyConfig>, reply: OutgoingReply, sessions: SessionCache): Promise<PublishedReply> {
  const { handle, appPassword } = context.config;
  if (!handle || !appPassword) throw new ConnectorError('forbidden', "replying on Bluesky needs the account's handle and an app password in the source's settings");
  const account = { handle, appPassword };
  const facets = linkFacets(reply.text);
  const record: PostRecord = { $type: POST_COLLECTION, text: reply.text, createdAt: context.now().toISOString(), reply: replyRefsOf(reply.inReplyTo.raw), ...(facets.length > 0 && { facets }) };
  const rkey = recordKeyFor(reply.idempotencyKey);
  const signedIn = await sessions.signIn(context, account);
  try {
    return await publishRecord(context, signedIn.session, rkey, record);
  } catch (error) {
    // A kept session the PDS no longer accepts (expired, revoked): sign in afresh, once.
    if (!signedIn.reused || !(error instanceof ConnectorError) || error.kind !== 'forbidden') throw error;
    sessions.forget(context, account);
    return publishRecord(context, (await sessions.signIn(context, account)).session, rkey, record);
  }
}

async function publishRecord(context: ReplyContext<BlueskyConfig>, session: Session, rkey: string, record: PostRecord): Promise<PublishedReply> {
  try {
    const created = await createRecord(context, session, POST_COLLECTION, rkey, record);
    return published(session, created.uri, rkey, record.createdAt, false);
  } catch (error) {
    const existing = await existingRecordAfter(error, context, session, rkey);
    if (!existing) throw error;
    const storedAt = Date.parse(String(existing.value.createdAt));
    return published(session, existing.uri, rkey, Number.isNaN(storedAt) ? record.createdAt : new Date(storedAt).toISOString(), true);
  }
}

/**
 * After a failed write, the record under our key if the PDS has it. Refusals that
 * cannot hide a write (bad credentials, rate limits) and aborted calls are not checked;
 * a check that fails itself leaves the first failure to be reported.
 */
async function existingRecordAfter(error: unknown, context: ReplyContext<BlueskyConfig>, session: Session, rkey: string) {
  if (context.signal.aborted || !(error instanceof ConnectorError) || error.kind === 'forbidden' || error.kind === 'rate_limited') return undefined;
  return getRecord(context, session, POST_COLLECTION, rkey).catch(() => undefined);
}

function published(session: Session, uri: string, rkey: string, createdAt: string, alreadyPublished: boolean): PublishedReply {
  const profile = session.handle ?? session.did;
  return {
    externalId: uri,
    url: `https://${SITE}/profile/${profile}/post/${rkey}`,
    publishedAt: createdAt,
    ...(alreadyPublished && { alreadyPublished }),
  };
}
