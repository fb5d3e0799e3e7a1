// Random bearer secrets (session cookies, API tokens) and how we store them: only a
// SHA-256 digest is kept, which is enough for 256-bit random secrets and lets a
// lookup be one indexed equality.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');
export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The CSRF token is derived from the session secret, so it needs no storage and dies with the session. */
export const csrfTokenFor = (sessionSecret: string) => createHash('sha256').update(`csrf:${sessionSecret}`).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
