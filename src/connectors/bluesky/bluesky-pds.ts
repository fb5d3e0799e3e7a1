// The account's PDS (personal data server) as publishing needs it: sign in with an app
// password, write a record, read one back, read the account's profile (the PDS passes
// that on to the AppView). XRPC errors ({ error, message }) become ConnectorErrors that
// say what the PDS said; the app password is never echoed.
import { ConnectorError, type ReplyContext } from '../connector.ts';
import type { GuardedResponse } from '../http/guarded-http.ts';
import { parseRetryAfter } from '../http/retry-after.ts';
import { publishRequestFailure } from '../reply-failure.ts';

export interface Session { accessJwt: string; did: string; handle?: string }
export interface RecordRef { uri: string; cid: string }
export interface StoredRecord extends RecordRef { value: Record<string, unknown> }

/** XRPC error names that mean the credentials, not the request, are at fault. */
const AUTH_ERRORS = new Set(['AuthenticationRequired', 'ExpiredToken', 'InvalidToken', 'AccountTakedown', 'AccountDeactivated']);

/** Where the account lives: a Bluesky source's settings, or a person's connected account. */
export interface PdsConfig { pdsUrl: string }
export type PdsContext = ReplyContext<PdsConfig>;

/** The profile fields Herd reads (app.bsky.actor.defs#profileViewDetailed). */
export interface Profile { did: string; handle: string; followersCount: number }

export async function createSession(context: PdsContext, identifier: string, password: string): Promise<Session> {
  const response = await procedure(context, 'com.atproto.server.createSession', { identifier, password });
  if (response.status !== 200) throw xrpcFailure('com.atproto.server.createSession', response, context.now(), 'check the handle and app password');
  const body = json('com.atproto.server.createSession', response) as Partial<Session>;
  if (typeof body.accessJwt !== 'string' || typeof body.did !== 'string') throw new ConnectorError('invalid_response', 'com.atproto.server.createSession answered without an access token and DID');
  return { accessJwt: body.accessJwt, did: body.did, ...(typeof body.handle === 'string' && body.handle !== 'handle.invalid' && { handle: body.handle }) };
}

export async function createRecord(context: PdsContext, session: Session, collection: string, rkey: string, record: Record<string, unknown>): Promise<RecordRef> {
  const method = 'com.atproto.repo.createRecord';
  const host = new URL(context.config.pdsUrl).host;
  const response = await procedure(context, method, { repo: session.did, collection, rkey, record }, session.accessJwt).catch((error: unknown) => {
    throw publishRequestFailure(error, context.signal, host);
  });
  if (response.status !== 200) throw xrpcFailure(method, response, context.now());
  const body = json(method, response) as Partial<RecordRef>;
  if (typeof body.uri !== 'string' || typeof body.cid !== 'string') throw new ConnectorError('invalid_response', `${method} answered without the new record's uri and cid`);
  return { uri: body.uri, cid: body.cid };
}

/** The record, or undefined when the repository has none under this key. */
export async function getRecord(context: PdsContext, session: Session, collection: string, rkey: string): Promise<StoredRecord | undefined> {
  const method = 'com.atproto.repo.getRecord';
  const query = new URLSearchParams({ repo: session.did, collection, rkey });
  const response = await context.http.get(`${context.config.pdsUrl}/xrpc/${method}?${query}`, { headers: { accept: 'application/json', authorization: `Bearer ${session.accessJwt}` }, signal: context.signal });
  if (response.status === 400 && xrpcError(response).name === 'RecordNotFound') return undefined;
  if (response.status !== 200) throw xrpcFailure(method, response, context.now());
  const body = json(method, response) as Partial<StoredRecord>;
  if (typeof body.uri !== 'string' || typeof body.cid !== 'string' || typeof body.value !== 'object' || body.value === null) throw new ConnectorError('invalid_response', `${method} answered without the record`);
  return { uri: body.uri, cid: body.cid, value: body.value };
}

/** app.bsky.actor.getProfile, asked of the PDS with the session (it proxies the call to the AppView). */
export async function getProfile(context: PdsContext, session: Session, actor: string): Promise<Profile> {
  const method = 'app.bsky.actor.getProfile';
  const response = await context.http.get(`${context.config.pdsUrl}/xrpc/${method}?${new URLSearchParams({ actor })}`, { headers: { accept: 'application/json', authorization: `Bearer ${session.accessJwt}` }, signal: context.signal });
  if (response.status !== 200) throw xrpcFailure(method, response, context.now());
  const body = json(method, response) as Partial<Profile> | null;
  if (typeof body?.did !== 'string' || typeof body.handle !== 'string') throw new ConnectorError('invalid_response', `${method} answered without the profile's did and handle`);
  const followers = body.followersCount;
  return { did: body.did, handle: body.handle, followersCount: Number.isInteger(followers) && followers! >= 0 ? followers! : 0 };
}

function procedure(context: PdsContext, method: string, input: unknown, accessJwt?: string): Promise<GuardedResponse> {
  return context.http.post(`${context.config.pdsUrl}/xrpc/${method}`, JSON.stringify(input), {
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: accessJwt && `Bearer ${accessJwt}` },
    signal: context.signal,
  });
}

function json(method: string, response: GuardedResponse): unknown {
  try {
    return JSON.parse(response.bodyText);
  } catch (error) {
    throw new ConnectorError('invalid_response', `${method} answered with something that is not JSON`, { cause: error });
  }
}

function xrpcError(response: GuardedResponse): { name?: string; message?: string } {
  try {
    const body = JSON.parse(response.bodyText) as { error?: unknown; message?: unknown };
    return { ...(typeof body.error === 'string' && { name: body.error }), ...(typeof body.message === 'string' && { message: body.message }) };
  } catch {
    return {};
  }
}

function xrpcFailure(method: string, response: GuardedResponse, now: Date, authHint = 'the app password may have been revoked'): ConnectorError {
  const { status, headers } = response;
  const { name, message } = xrpcError(response);
  const problem = [name, message].filter(Boolean).join(': ');
  const said = `${method} failed (HTTP ${status}${problem ? `, ${problem}` : ''})`;
  if (status === 429) {
    const reset = Number(headers['ratelimit-reset']);
    const retryAfterMs = headers['ratelimit-reset'] !== undefined && Number.isFinite(reset) ? Math.max(0, reset * 1000 - now.getTime()) : parseRetryAfter(headers['retry-after'], now);
    return new ConnectorError('rate_limited', `${said}; the limit resets${retryAfterMs === undefined ? ' later' : ` in ${Math.ceil(retryAfterMs / 1000)} s`}`, { retryAfterMs });
  }
  if (status === 401 || status === 403 || (name !== undefined && AUTH_ERRORS.has(name))) return new ConnectorError('forbidden', `${said}: ${authHint}`);
  if (status === 404 || name === 'MethodNotImplemented') return new ConnectorError('not_found', `${said}: is the PDS address right?`);
  if (status >= 500) return new ConnectorError('unavailable', said, { retryAfterMs: parseRetryAfter(headers['retry-after'], now) });
  if (status === 400) return new ConnectorError('rejected', said);
  return new ConnectorError('invalid_response', said);
}
