// Encrypts the few secrets Herd keeps for people (a Mastodon access token, a Bluesky
// app password) with AES-256-GCM, so a copy of the database alone does not give them
// away. A sealed secret is one printable string: a version, the id of the key that
// sealed it (so a changed key is told apart from tampering), a random IV, the GCM tag
// and the ciphertext. A context string (e.g. the account's id) is authenticated with
// it, so a sealed secret copied to another row does not open there.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretBoxFailure = 'malformed' | 'unknown_version' | 'wrong_key' | 'tampered';

/** A sealed secret that cannot be opened; the message never contains the secret or the key. */
export class SecretBoxError extends Error {
  constructor(readonly failure: SecretBoxFailure, message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBox {
  /** The key's public fingerprint, as written into every sealed secret. */
  readonly keyId: string;
  seal(plaintext: string, context: string): string;
  /** Throws SecretBoxError when the string was not sealed with this key and context, or was changed. */
  open(sealed: string, context: string): string;
}

/** 32 bytes, given as base64 (standard or URL-safe, padded or not) or as 64 hex digits; throws without echoing the value. */
export function decodeSecretKey(raw: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : undefined;
  if (key?.length !== KEY_BYTES) throw new Error(`must be ${KEY_BYTES} random bytes written as base64 or as 64 hex digits (e.g. the output of \`openssl rand -base64 32\`)`);
  return key;
}

/** A new random key, as base64 (the form decodeSecretKey reads). */
export function generateSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`a secret box key must be ${KEY_BYTES} bytes`);
  const keyId = createHash('sha256').update('herd secret box key id\0').update(key).digest('base64url').slice(0, 11);

  return {
    keyId,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(additionalData(keyId, context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts[0] !== VERSION) {
        throw parts.length === 5 ? new SecretBoxError('unknown_version', `the secret was sealed by a newer format (${parts[0]})`) : new SecretBoxError('malformed', 'this is not a sealed secret');
      }
      if (parts.length !== 5) throw new SecretBoxError('malformed', 'this is not a sealed secret');
      const [, sealedKeyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
      if (sealedKeyId !== keyId) throw new SecretBoxError('wrong_key', 'the secret was sealed with another key (was HERD_SECRET_KEY changed?)');
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('malformed', 'this is not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes).setAAD(additionalData(keyId, context)).setAuthTag(tagBytes);
      try {
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('tampered', 'the sealed secret was changed, or belongs to something else');
      }
    },
  };
}

/** What GCM authenticates besides the ciphertext: the format, the key and what the secret belongs to. */
function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}\0${keyId}\0${context}`, 'utf8');
}
