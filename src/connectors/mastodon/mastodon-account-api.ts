// The REST calls Herd makes as an account's owner, with the owner's access token:
// posting a status (a reply, or a post of its own) and reading the account the token
// belongs to. Posting carries Mastodon's Idempotency-Key header, so a retry within the
// instance's retention of keys (an hour) returns the first status instead of posting
// a second one. Refusals become ConnectorErrors that say what the instance said; the
// token is sent, never echoed.
import { ConnectorError, type PublishedReply } from '../connector.ts';
import type { GuardedHttp, GuardedResponse } from '../http/guarded-http.ts';
import { parseRetryAfter } from '../http/retry-after.ts';
import { publishRequestFailure } from '../reply-failure.ts';
import { isStatus, type MastodonAccount } from './mastodon-status.ts';

/** What a call needs besides the account: the guarded client, the caller's deadline, the clock. */
export interface MastodonCaller { http: GuardedHttp; signal: AbortSignal; now: () => Date }
/** An account on an instance, and a token of it. */
export interface MastodonTokenAccess { instanceUrl: string; accessToken: string }

export interface NewStatus {
  text: string;
  /** Stable per post (the same on every retry). */
  idempotencyKey: string;
  /** The status answered; absent for a post of its own. */
  inReplyToId?: string;
}

/** The account a token belongs to (Mastodon's CredentialAccount, the fields Herd reads). */
export interface VerifiedMastodonAccount { id: string; acct: string; username: string; url?: string; followersCount: number }

export async function postStatus(caller: MastodonCaller, access: MastodonTokenAccess, status: NewStatus): Promise<PublishedReply> {
  const host = new URL(access.instanceUrl).host;
  const what = status.inReplyToId ? 'the reply' : 'the status';
  const body = JSON.stringify({ status: status.text, ...(status.inReplyToId && { in_reply_to_id: status.inReplyToId }), visibility: 'public' });
  const response = await caller.http.post(`${access.instanceUrl}/api/v1/statuses`, body, {
    headers: { 'content-type': 'application/json', ...headersOf(access), 'idempotency-key': status.idempotencyKey },
    signal: caller.signal,
  }).catch((error: unknown) => {
    throw publishRequestFailure(error, caller.signal, host);
  });
  if (response.status < 200 || response.status >= 300) {
    throw refusal(response, `${host} refused ${what}`, caller.now(), {
      forbidden: 'the access token must be valid and have the write:statuses scope',
      notFound: status.inReplyToId ? { kind: 'rejected', hint: 'the post replied to no longer exists' } : NO_API,
    });
  }
  const created = jsonOf(response, host, `${what} it published`);
  if (!isStatus(created)) throw new ConnectorError('invalid_response', `${host} answered ${what} without a status`);
  const published = Date.parse(created.created_at);
  return {
    externalId: created.id,
    ...(typeof (created.url ?? created.uri) === 'string' && { url: created.url ?? created.uri }),
    publishedAt: (Number.isNaN(published) ? caller.now() : new Date(published)).toISOString(),
  };
}

/** GET /api/v1/accounts/verify_credentials: whose token it is, and how many follow them. */
export async function verifyCredentials(caller: MastodonCaller, access: MastodonTokenAccess): Promise<VerifiedMastodonAccount> {
  const host = new URL(access.instanceUrl).host;
  const response = await caller.http.get(`${access.instanceUrl}/api/v1/accounts/verify_credentials`, { headers: headersOf(access), signal: caller.signal });
  if (response.status !== 200) {
    throw refusal(response, `${host} refused to say whose access token this is`, caller.now(), {
      forbidden: 'the access token is not valid (revoked, or mistyped), or lacks the read:accounts scope',
      notFound: NO_API,
    });
  }
  const account = jsonOf(response, host, 'the account') as Partial<MastodonAccount> | null;
  if (typeof account?.id !== 'string' || typeof account.acct !== 'string' || typeof account.username !== 'string') {
    throw new ConnectorError('invalid_response', `${host} answered verify_credentials without an account`);
  }
  const followers = account.followers_count;
  return {
    id: account.id, acct: account.acct, username: account.username, ...(typeof account.url === 'string' && { url: account.url }),
    followersCount: Number.isInteger(followers) && followers! >= 0 ? followers! : 0,
  };
}

/** What a 404 means: a post that is gone (the content is refused), or no API at this address (the account's setting is wrong). */
interface Hint { kind: 'rejected' | 'not_found'; hint: string }
const NO_API: Hint = { kind: 'not_found', hint: 'is this the address of a Mastodon server?' };

function headersOf(access: MastodonTokenAccess): Record<string, string> {
  return { accept: 'application/json', authorization: `Bearer ${access.accessToken}` };
}

function jsonOf(response: GuardedResponse, host: string, what: string): unknown {
  try {
    return JSON.parse(response.bodyText);
  } catch (error) {
    throw new ConnectorError('invalid_response', `${host} answered ${what} with something that is not JSON`, { cause: error });
  }
}

/** An error answer as a ConnectorError: rate limits until X-RateLimit-Reset (else Retry-After), the instance's own reason quoted. */
function refusal(response: GuardedResponse, refused: string, now: Date, hints: { forbidden: string; notFound: Hint }): ConnectorError {
  const { status, headers } = response;
  const reason = errorOf(response.bodyText);
  const said = `${refused} (HTTP ${status}${reason ? `: ${reason}` : ''})`;
  if (status === 429) {
    const resetAt = Date.parse(headers['x-ratelimit-reset'] ?? '');
    const retryAfterMs = Number.isNaN(resetAt) ? parseRetryAfter(headers['retry-after'], now) : Math.max(0, resetAt - now.getTime());
    return new ConnectorError('rate_limited', `${said}; allowed again${retryAfterMs === undefined ? ' later' : ` in ${Math.ceil(retryAfterMs / 1000)} s`}`, { retryAfterMs });
  }
  if (status === 401 || status === 403) return new ConnectorError('forbidden', `${said}: ${hints.forbidden}`);
  if (status === 404 || status === 410) return new ConnectorError(hints.notFound.kind, `${said}: ${hints.notFound.hint}`);
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
