// Publishes a reply on Mastodon: POST /api/v1/statuses in reply to the parent status,
// with Mastodon's Idempotency-Key header, so a retry within the instance's retention of
// keys (an hour) returns the first status instead of posting a second one.
import { ConnectorError, type OutgoingReply, type PublishedReply, type ReplyContext } from '../connector.ts';
import { parseRetryAfter } from '../http/retry-after.ts';
import { publishRequestFailure } from '../reply-failure.ts';
import { isStatus } from './mastodon-status.ts';
import type { MastodonConfig } from './mastodon.connector.ts';
import { withMention } from './mastodon-mention.ts';

export async function replyOnMastodon(context: ReplyContext<MastodonConfig>, reply: OutgoingReply): Promise<PublishedReply> {
  const { config } = context;
  const host = new URL(config.instanceUrl).host;
  if (!config.accessToken) throw new ConnectorError('forbidden', `replying on ${host} needs an access token with the write:statuses scope in the source's settings`);
  const status = withMention(reply.text, parentAcct(reply.inReplyTo), new URL(config.instanceUrl).hostname);
  const body = JSON.stringify({ status, in_reply_to_id: reply.inReplyTo.externalId, visibility: 'public' });
  const response = await context.http.post(`${config.instanceUrl}/api/v1/statuses`, body, {
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${config.accessToken}`, 'idempotency-key': reply.idempotencyKey },
    signal: context.signal,
  }).catch((error: unknown) => {
    throw publishRequestFailure(error, context.signal, host);
  });
  if (response.status < 200 || response.status >= 300) throw statusFailure(response.status, response.bodyText, response.headers, host, context.now());
  return publishedStatus(response.bodyText, host, context.now());
}

/** The account to mention: the parent status's own author (a reblog stands for the status it boosts), else the stored handle. */
function parentAcct(inReplyTo: OutgoingReply['inReplyTo']): string | undefined {
  const raw = inReplyTo.raw as { reblog?: unknown } | null;
  const status = isStatus(raw?.reblog) ? raw.reblog : raw;
  if (isStatus(status)) return status.account.acct;
  return inReplyTo.authorHandle?.replace(/^@/, '') || undefined;
}

function publishedStatus(bodyText: string, host: string, now: Date): PublishedReply {
  let status: unknown;
  try {
    status = JSON.parse(bodyText);
  } catch (error) {
    throw new ConnectorError('invalid_response', `${host} answered the new status with something that is not JSON`, { cause: error });
  }
  if (!isStatus(status)) throw new ConnectorError('invalid_response', `${host} answered the new status without a status`);
  const published = Date.parse(status.created_at);
  return {
    externalId: status.id,
    ...(typeof (status.url ?? status.uri) === 'string' && { url: status.url ?? status.uri }),
    publishedAt: (Number.isNaN(published) ? now : new Date(published)).toISOString(),
  };
}

function statusFailure(status: number, bodyText: string, headers: Record<string, string>, host: string, now: Date): ConnectorError {
  const reason = errorOf(bodyText);
  const said = `${host} refused the reply (HTTP ${status}${reason ? `: ${reason}` : ''})`;
  if (status === 429) {
    const resetAt = Date.parse(headers['x-ratelimit-reset'] ?? '');
    const retryAfterMs = Number.isNaN(resetAt) ? parseRetryAfter(headers['retry-after'], now) : Math.max(0, resetAt - now.getTime());
    return new ConnectorError('rate_limited', `${said}; posting is allowed again${retryAfterMs === undefined ? ' later' : ` in ${Math.ceil(retryAfterMs / 1000)} s`}`, { retryAfterMs });
  }
  if (status === 401 || status === 403) return new ConnectorError('forbidden', `${said}: the access token must be valid and have the write:statuses scope`);
  if (status === 404 || status === 410) return new ConnectorError('rejected', `${said}: the post replied to no longer exists`);
  if (status === 422) return new ConnectorError('rejected', said);
  if (status >= 500) return new ConnectorError('unavailable', said, { retryAfterMs: parseRetryAfter(headers['retry-after'], now) });
  return new ConnectorError('invalid_response', said);
}

/** Mastodon's error body is `{ "error": "…" }`. */
function errorOf(bodyText: string): string | undefined {
  try {
    const error = (JSON.parse(bodyText) as { error?: unknown })?.error;
    return typeof error === 'string' && error.trim() ? error.trim() : undefined;
  } catch {
    return undefined;
  }
}
