// Who clicked, without storing who: a visitor is a hash of the address and user agent
// with a salt that changes every UTC day. No IP address is ever written, and because
// yesterday's salt is gone, today's hashes cannot be matched with yesterday's (nobody
// can be followed across days, not even by us), while a visitor clicking twice the
// same day is recognised, which is all unique-visitor counts need.
//
// The salt is random and held in memory only. Herd has no server secret among its
// settings (src/config/settings.ts); an HMAC of such a secret and the date would give
// every process the same salt, but then anyone with the secret (and a database copy)
// could recompute old salts and test guessed addresses against old hashes. A random
// salt that is dropped makes that impossible. The price: each process has its own salt,
// so a visitor whose clicks reach two processes on one day counts as two unique
// visitors there, and a restart starts a new salt for the rest of the day. Both only
// overcount uniques slightly; clicks are unaffected beyond the per-visitor cap.
import { createHash, randomBytes } from 'node:crypto';

/** Characters kept of the base64url SHA-256: 96 bits, far from colliding among a link's visitors in a day. */
const VISITOR_LENGTH = 16;

export interface VisitorOfDay {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  /** base64url(sha256(salt, address, user agent)), truncated. */
  visitor: string;
  /** The same hash over the address alone, to limit floods that vary the user agent; never stored. */
  source: string;
}

export interface VisitorHasher {
  visitorOf(address: string, userAgent: string): VisitorOfDay;
}

export interface VisitorHasherOptions {
  now?: () => Date;
  newSalt?: () => Buffer;
}

const utcDayOf = (at: Date) => at.toISOString().slice(0, 10);

const hashOf = (salt: Buffer, ...parts: string[]) => {
  const hash = createHash('sha256').update(salt);
  // A separator that cannot appear in an address keeps ("1.2.3.4", "5x") apart from ("1.2.3.45", "x").
  for (const part of parts) hash.update('\n').update(part);
  return hash.digest('base64url').slice(0, VISITOR_LENGTH);
};

export function createVisitorHasher({ now = () => new Date(), newSalt = () => randomBytes(32) }: VisitorHasherOptions = {}): VisitorHasher {
  let saltOfDay: { day: string; salt: Buffer } | undefined;
  const saltFor = (day: string) => {
    // Replacing the salt drops yesterday's: it is never written anywhere.
    if (saltOfDay?.day !== day) saltOfDay = { day, salt: newSalt() };
    return saltOfDay.salt;
  };
  return {
    visitorOf(address, userAgent) {
      const day = utcDayOf(now());
      const salt = saltFor(day);
      return { day, visitor: hashOf(salt, address, userAgent), source: hashOf(salt, address) };
    },
  };
}
