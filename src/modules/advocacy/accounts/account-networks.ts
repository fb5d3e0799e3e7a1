// Talking to a person's connected account on its network, through the connectors and
// the SSRF-guarded client: proving the credential and reading who the account is and
// how many follow it (Mastodon's verify_credentials; Bluesky's sign-in and profile),
// and publishing a post of theirs exactly once (the idempotency key is the share's id).
// Refusals stay ConnectorErrors here; accountCheckError says them to the person.
import {
  ConnectorError, DEFAULT_PDS, GuardedHttpError, createSessionCache, postMastodonStatus, postOnBluesky, verifyBlueskyAccount, verifyMastodonCredentials,
  type GuardedHttp, type PublishedReply,
} from '../../../connectors/index.ts';
import { AppError } from '../../../errors.ts';
import type { AccountCredential } from './account-credentials.ts';

/** What calling a network needs: the guarded client, and the caller's signal (a worker's shutdown, a request's end). */
export interface NetworkAccess { http: GuardedHttp; signal?: AbortSignal }

/** A connected account as the network says it is. */
export interface CheckedAccount { network: 'mastodon' | 'bluesky'; serverUrl: string; externalId: string; handle: string; followers: number }

/** The account on its server; `serverUrl` is the Mastodon instance or the Bluesky PDS, `externalId` the network's id once known. */
export interface ConnectedAccount { network: string; handle: string; externalId: string | null; serverUrl: string | null }

/** Bluesky signs in by DID as well as by handle; the DID stays when the person changes their handle. */
const blueskyLogin = (account: ConnectedAccount, appPassword: string) => ({ handle: account.externalId ?? account.handle, appPassword });

/** Signed-in Bluesky sessions, kept between posts and follower reads: a PDS allows few sign-ins a day. */
const blueskySessions = createSessionCache();

const callerOf = (access: NetworkAccess) => ({ http: access.http, signal: access.signal ?? new AbortController().signal, now: () => new Date() });

export async function checkAccount(access: NetworkAccess, account: ConnectedAccount, credential: AccountCredential): Promise<CheckedAccount> {
  const caller = callerOf(access);
  const serverUrl = account.serverUrl ?? DEFAULT_PDS;
  if (account.network === 'mastodon' && 'accessToken' in credential) {
    const verified = await verifyMastodonCredentials(caller, { instanceUrl: serverUrl, accessToken: credential.accessToken });
    const host = new URL(serverUrl).hostname;
    return { network: 'mastodon', serverUrl, externalId: verified.id, handle: verified.acct.includes('@') ? verified.acct : `${verified.acct}@${host}`, followers: verified.followersCount };
  }
  if (account.network === 'bluesky' && 'appPassword' in credential) {
    const profile = await verifyBlueskyAccount({ ...caller, config: { pdsUrl: serverUrl } }, blueskyLogin(account, credential.appPassword), blueskySessions);
    return { network: 'bluesky', serverUrl, externalId: profile.did, handle: profile.handle, followers: profile.followersCount };
  }
  throw new Error(`a ${account.network} account has no credential Herd can use`);
}

export async function publishThroughAccount(access: NetworkAccess, account: ConnectedAccount, credential: AccountCredential, post: { text: string; idempotencyKey: string }): Promise<PublishedReply> {
  const caller = callerOf(access);
  const serverUrl = account.serverUrl ?? DEFAULT_PDS;
  if (account.network === 'mastodon' && 'accessToken' in credential) return postMastodonStatus(caller, { instanceUrl: serverUrl, accessToken: credential.accessToken }, post);
  if (account.network === 'bluesky' && 'appPassword' in credential) {
    return postOnBluesky({ ...caller, config: { pdsUrl: serverUrl } }, blueskyLogin(account, credential.appPassword), post, blueskySessions);
  }
  throw new ConnectorError('forbidden', `Herd cannot publish to ${account.network} through an account`);
}

const NETWORK_NAMES: Record<string, string> = { mastodon: 'Mastodon', bluesky: 'Bluesky' };

/**
 * A failed check said to the person, with `details.reason`: the credentials refused
 * (`bad_credentials`), an address Herd may not reach (`blocked_address`), no such server
 * or account there (`not_found`), the network's rate limit (`rate_limited`, with
 * `retryAfterSeconds`), or a server down or answering nonsense (`unreachable`).
 */
export function accountCheckError(error: unknown, network: string): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const name = NETWORK_NAMES[network] ?? network;
  if (error instanceof GuardedHttpError && (error.failure === 'blocked_address' || error.failure === 'bad_url')) {
    return new AppError('BAD_REQUEST', `Herd may not connect to that server: ${error.message}`, { reason: 'blocked_address' });
  }
  switch (error.kind) {
    case 'forbidden': return new AppError('ACCOUNT_CREDENTIALS_REJECTED', `${name} refused the credentials: ${error.message}`, { reason: 'bad_credentials' });
    case 'rate_limited': {
      const retryAfterSeconds = error.retryAfterMs === undefined ? null : Math.ceil(error.retryAfterMs / 1000);
      return new AppError('RATE_LIMITED', `${name} asks Herd to slow down: ${error.message}`, { reason: 'rate_limited', retryAfterSeconds });
    }
    case 'not_found':
    case 'rejected': return new AppError('BAD_REQUEST', `${name} does not know this account there: ${error.message}`, { reason: 'not_found' });
    default: return new AppError('NETWORK_UNREACHABLE', `${name} could not be asked: ${error.message}`, { reason: 'unreachable' });
  }
}
