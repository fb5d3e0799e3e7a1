// Signed-in PDS sessions kept between posts. A PDS allows an account few sign-ins
// (createSession: 30 per 5 minutes, 300 a day on bsky.social), far fewer than a busy
// team's replies, so a session is reused until shortly before its access token expires.
import { createHash } from 'node:crypto';
import { ConnectorError } from '../connector.ts';
import { createSession, type PdsContext, type Session } from './bluesky-pds.ts';

export interface ReplyAccount { handle: string; appPassword: string }

export interface SessionCache {
  /** A kept session (`reused`) while its token is valid, else a new sign-in. */
  signIn(context: PdsContext, account: ReplyAccount): Promise<{ session: Session; reused: boolean }>;
  /** Drops the kept session, e.g. after the PDS refused it. */
  forget(context: PdsContext, account: ReplyAccount): void;
}

/** Used when the access token does not say when it expires; PDSs issue them for about two hours. */
const FALLBACK_LIFETIME_MS = 15 * 60 * 1000;
/** Signed in again this long before the token expires, so a write never races its expiry. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export function createSessionCache(): SessionCache {
  const kept = new Map<string, { session: Session; renewAt: number }>();
  // The password is part of the key (hashed), so changing it in the settings signs in afresh.
  const keyOf = (context: PdsContext, account: ReplyAccount) =>
    [context.config.pdsUrl, account.handle, createHash('sha256').update(account.appPassword).digest('hex')].join('\n');

  return {
    async signIn(context, account) {
      const key = keyOf(context, account);
      const now = context.now().getTime();
      const existing = kept.get(key);
      if (existing && existing.renewAt > now) return { session: existing.session, reused: true };
      const session = await createSession(context, account.handle, account.appPassword);
      kept.set(key, { session, renewAt: (expiryOf(session.accessJwt) ?? now + FALLBACK_LIFETIME_MS) - EXPIRY_MARGIN_MS });
      return { session, reused: false };
    },
    forget(context, account) {
      kept.delete(keyOf(context, account));
    },
  };
}

/** The `exp` claim of a JWT, in milliseconds; read without checking the signature, only to know when to renew. */
function expiryOf(jwt: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` with a session of the account; when a kept session is refused (expired, revoked), signs in afresh, once. */
export async function withSession<T>(sessions: SessionCache, context: PdsContext, account: ReplyAccount, work: (session: Session) => Promise<T>): Promise<T> {
  const signedIn = await sessions.signIn(context, account);
  try {
    return await work(signedIn.session);
  } catch (error) {
    if (!signedIn.reused || !(error instanceof ConnectorError) || error.kind !== 'forbidden') throw error;
    sessions.forget(context, account);
    return work((await sessions.signIn(context, account)).session);
  }
}
