// Publishes an app.bsky.feed.post record for an account, exactly once: signs in to the
// account's PDS with an app password (a kept session while it is valid) and writes the
// record under a key derived from the idempotency key, so a retry targets the same
// record. When a write fails in a way that may hide success (a timeout, a 5xx, which is
// what PDSs answer today for a key already used, or a 400), the PDS is asked whether
// the record exists before the failure is reported. Replies (bluesky-reply.ts) and
// posts of their own (postOnBluesky) differ only in the record.
import { ConnectorError, type PublishedReply } from '../connector.ts';
import { linkFacets } from './bluesky-facets.ts';
import { createRecord, getRecord, type PdsContext, type Session } from './bluesky-pds.ts';
import { SITE } from './bluesky-post.ts';
import { recordKeyFor } from './bluesky-record-key.ts';
import { withSession, type ReplyAccount, type SessionCache } from './bluesky-sessions.ts';

const POST_COLLECTION = 'app.bsky.feed.post';

export type PostRecord = Record<string, unknown> & { createdAt: string };

/** The record of a post: its text with link facets, and whatever else the caller adds (reply refs). */
export function postRecordOf(text: string, createdAt: Date, extra: Record<string, unknown> = {}): PostRecord {
  const facets = linkFacets(text);
  return { $type: POST_COLLECTION, text, createdAt: createdAt.toISOString(), ...extra, ...(facets.length > 0 && { facets }) };
}

/** A post of the account's own (not a reply). */
export function postOnBluesky(context: PdsContext, account: ReplyAccount, post: { text: string; idempotencyKey: string }, sessions: SessionCache): Promise<PublishedReply> {
  return publishPost(context, account, postRecordOf(post.text, context.now()), post.idempotencyKey, sessions);
}

export function publishPost(context: PdsContext, account: ReplyAccount, record: PostRecord, idempotencyKey: string, sessions: SessionCache): Promise<PublishedReply> {
  const rkey = recordKeyFor(idempotencyKey);
  return withSession(sessions, context, account, (session) => publishRecord(context, session, rkey, record));
}

async function publishRecord(context: PdsContext, session: Session, rkey: string, record: PostRecord): Promise<PublishedReply> {
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
async function existingRecordAfter(error: unknown, context: PdsContext, session: Session, rkey: string) {
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
