// The PDS half of the local Bluesky test server: com.atproto.server.createSession,
// com.atproto.repo.createRecord (validating an app.bsky.feed.post as the lexicon does,
// reply refs included) and com.atproto.repo.getRecord, with XRPC error bodies as a
// PDS sends them. A second create under a used record key answers 500, as PDSs do today
// (bluesky-social/atproto#3718).
import { createHash } from 'node:crypto';

/** The replying account, as in bluesky-test-server.ts's fixtures. */
export interface PdsAccount { did: string; handle: string }
export const APP_PASSWORD = 'k3vq-7xpa-m2rd-9wfe';
const POST_COLLECTION = 'app.bsky.feed.post';
const MAX_GRAPHEMES = 300;

export interface PdsRecord { uri: string; cid: string; value: Record<string, unknown> }
export interface PdsAnswer { status: number; body: unknown }

export interface TestPds {
  /** Records written, by at-uri. */
  records: Map<string, PdsRecord>;
  /** Every access token issued so far answers ExpiredToken from now on. */
  expireSessions(): void;
  /** The refusal a bearer token gets (unknown or expired), or undefined for a valid one. */
  authFailure(authorization: string | undefined): PdsAnswer | undefined;
  /** Answers a PDS method, or undefined when `method` is not one. */
  answer(method: string, input: Record<string, unknown>, query: Record<string, string>, authorization: string | undefined): PdsAnswer | undefined;
}

const xrpcError = (status: number, error: string, message: string): PdsAnswer => ({ status, body: { error, message } });

/** `now` is the test server's clock: tokens expire two hours after it, as a PDS's access tokens do. */
export function createTestPds(account: PdsAccount, now: Date): TestPds {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const records = new Map<string, PdsRecord>();
  const tokens = new Map<string, 'valid' | 'expired'>();
  let revision = 0;

  function createSession(input: Record<string, unknown>): PdsAnswer {
    const known = input.identifier === account.handle || input.identifier === account.did;
    if (!known || input.password !== APP_PASSWORD) return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
    const accessJwt = jwt({ scope: 'com.atproto.appPass', sub: account.did, iat: issuedAt, exp: issuedAt + 2 * 3600, jti: `access-${tokens.size + 1}` });
    tokens.set(accessJwt, 'valid');
    const refreshJwt = jwt({ scope: 'com.atproto.refresh', sub: account.did, iat: issuedAt, exp: issuedAt + 90 * 86_400, jti: `refresh-${tokens.size}` });
    return { status: 200, body: { accessJwt, refreshJwt, handle: account.handle, did: account.did, active: true } };
  }

  function authFailure(authorization: string | undefined): PdsAnswer | undefined {
    const state = tokens.get(authorization?.replace(/^Bearer /, '') ?? '');
    if (state === 'expired') return xrpcError(400, 'ExpiredToken', 'Token has expired');
    if (state !== 'valid') return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    return undefined;
  }

  function createRecord(input: Record<string, unknown>): PdsAnswer {
    if (input.repo !== account.did) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    const rkey = input.rkey;
    if (input.collection !== POST_COLLECTION) return xrpcError(400, 'InvalidRequest', `Invalid collection: ${String(input.collection)}`);
    if (typeof rkey !== 'string' || !/^[A-Za-z0-9._:~-]{1,512}$/.test(rkey) || rkey === '.' || rkey === '..') return xrpcError(400, 'InvalidRequest', 'Invalid record key');
    const problem = postProblem(input.record);
    if (problem) return xrpcError(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`);
    const uri = `at://${account.did}/${POST_COLLECTION}/${rkey}`;
    if (records.has(uri)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    const value = input.record as Record<string, unknown>;
    const cid = `bafyrei${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 40)}`;
    records.set(uri, { uri, cid, value });
    revision += 1;
    return { status: 200, body: { uri, cid, commit: { cid: `bafyreicommit${revision}`, rev: `3lqc${String(revision).padStart(9, '2')}` }, validationStatus: 'valid' } };
  }

  function getRecord(query: Record<string, string>): PdsAnswer {
    const uri = `at://${query.repo}/${query.collection}/${query.rkey}`;
    const record = records.get(uri);
    return record ? { status: 200, body: record } : xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
  }

  return {
    records,
    expireSessions() {
      for (const token of tokens.keys()) tokens.set(token, 'expired');
    },
    authFailure,
    answer(method, input, query, authorization) {
      if (method === 'com.atproto.server.createSession') return createSession(input);
      if (method === 'com.atproto.repo.getRecord') return getRecord(query);
      if (method !== 'com.atproto.repo.createRecord') return undefined;
      return authFailure(authorization) ?? createRecord(input);
    },
  };
}

/** A JWT-shaped token (header.payload.signature) whose payload a client may read. */
function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'at+jwt', alg: 'ES256K' })}.${part(payload)}.${createHash('sha256').update(JSON.stringify(payload)).digest('base64url')}`;
}

/** What the lexicon of app.bsky.feed.post refuses, in the PDS's words; undefined for a valid post. */
function postProblem(value: unknown): string | undefined {
  const record = value as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null) return 'Record must be an object';
  if (record.$type !== POST_COLLECTION) return 'Record/$type must be app.bsky.feed.post';
  if (typeof record.text !== 'string') return 'Record must have the property "text"';
  if ([...new Intl.Segmenter().segment(record.text)].length > MAX_GRAPHEMES) return `Record/text must not be longer than ${MAX_GRAPHEMES} graphemes`;
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) return 'Record/createdAt must be an valid atproto datetime';
  if (record.reply === undefined) return undefined;
  const reply = record.reply as Record<string, { uri?: unknown; cid?: unknown } | undefined>;
  for (const ref of ['root', 'parent']) {
    if (typeof reply[ref] !== 'object' || reply[ref] === null) return `Record/reply must have the property "${ref}"`;
    if (typeof reply[ref].uri !== 'string' || !reply[ref].uri.startsWith('at://')) return `Record/reply/${ref}/uri must be a valid at-uri`;
    if (typeof reply[ref].cid !== 'string' || reply[ref].cid.length === 0) return `Record/reply/${ref} must have the property "cid"`;
  }
  return undefined;
}
