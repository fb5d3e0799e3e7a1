import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSecretBox, decodeSecretKey, generateSecretKey, SecretBoxError, type SecretBoxFailure } from './secret-box.ts';

const TOKEN = 'tok_live_3f9a2c-very-secret';
const box = createSecretBox(randomBytes(32));

function failureOf(open: () => unknown): SecretBoxFailure {
  try {
    open();
  } catch (error) {
    assert.ok(error instanceof SecretBoxError, String(error));
    assert.ok(!error.message.includes(TOKEN));
    return error.failure;
  }
  assert.fail('the sealed secret opened');
}

/** The sealed string with one character of part `index` (0 version … 4 ciphertext) changed. */
function flipped(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index]!;
  parts[index] = `${part[0] === 'A' ? 'B' : 'A'}${part.slice(1)}`;
  return parts.join('.');
}

describe('secret box', () => {
  it('seals and opens a secret, never showing it, with a new IV each time', () => {
    const sealed = box.seal(TOKEN, 'account:1');
    assert.ok(!sealed.includes(TOKEN));
    assert.match(sealed, /^v1\.[\w-]{11}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(sealed.split('.')[1], box.keyId);
    assert.equal(box.open(sealed, 'account:1'), TOKEN);
    assert.notEqual(box.seal(TOKEN, 'account:1'), sealed, 'the same secret seals differently');
    assert.equal(box.open(box.seal('ünïcödé 🔑', 'c'), 'c'), 'ünïcödé 🔑');
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const sealed = box.seal(TOKEN, 'account:1');
    for (const part of [2, 3, 4]) assert.equal(failureOf(() => box.open(flipped(sealed, part), 'account:1')), 'tampered', `part ${part}`);
    const truncated = sealed.slice(0, -2);
    assert.equal(failureOf(() => box.open(truncated, 'account:1')), 'tampered');
  });

  it('does not open a secret moved to another context', () => {
    assert.equal(failureOf(() => box.open(box.seal(TOKEN, 'account:1'), 'account:2')), 'tampered');
  });

  it('tells a secret sealed with another key apart from tampering', () => {
    const other = createSecretBox(randomBytes(32));
    assert.notEqual(other.keyId, box.keyId);
    assert.equal(failureOf(() => other.open(box.seal(TOKEN, 'c'), 'c')), 'wrong_key');
    // Even when the key id is forged to match, GCM refuses the wrong key.
    const forged = box.seal(TOKEN, 'c').split('.');
    forged[1] = other.keyId;
    assert.equal(failureOf(() => other.open(forged.join('.'), 'c')), 'tampered');
  });

  it('refuses what is not a sealed secret, or a format it does not know', () => {
    assert.equal(failureOf(() => box.open(TOKEN, 'c')), 'malformed');
    assert.equal(failureOf(() => box.open('v1.a.b', 'c')), 'malformed');
    assert.equal(failureOf(() => box.open(`v1.${box.keyId}.AAAA.AAAA.AAAA`, 'c')), 'malformed');
    assert.equal(failureOf(() => box.open(box.seal(TOKEN, 'c').replace(/^v1/, 'v9'), 'c')), 'unknown_version');
  });

  it('reads a key as base64 or hex, and refuses anything else without echoing it', () => {
    const key = randomBytes(32);
    assert.deepEqual(decodeSecretKey(key.toString('base64')), key);
    assert.deepEqual(decodeSecretKey(key.toString('base64url')), key);
    assert.deepEqual(decodeSecretKey(` ${key.toString('hex')}\n`), key);
    assert.equal(decodeSecretKey(generateSecretKey()).length, 32);
    for (const bad of ['hunter2-hunter2', randomBytes(16).toString('base64'), randomBytes(31).toString('hex'), 'z'.repeat(64)]) {
      assert.throws(() => decodeSecretKey(bad), (error: Error) => !error.message.includes(bad) && /32 random bytes/.test(error.message), bad);
    }
    assert.throws(() => createSecretBox(randomBytes(16)), /32 bytes/);
  });
});
