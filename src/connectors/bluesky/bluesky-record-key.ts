// The record key of a reply, derived from its idempotency key: a retry writes to the
// same key, so the repository itself refuses a second copy. Shaped as a TID (13
// base32-sortable characters, top bit clear), the key type app.bsky.feed.post declares.
import { createHash } from 'node:crypto';

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A TID made of the key's SHA-256 rather than of a clock: deterministic, and spread so
 * two replies do not collide. Its timestamp bits therefore mean nothing; Bluesky orders
 * posts by createdAt and indexing time, not by record key.
 */
export function recordKeyFor(idempotencyKey: string): string {
  let value = createHash('sha256').update(idempotencyKey).digest().readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  let key = '';
  for (let position = 0; position < 13; position++) {
    key = BASE32_SORTABLE[Number(value & 31n)] + key;
    value >>= 5n;
  }
  return key;
}
