import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import { ConfigError, loadConfig } from '../config/index.ts';
import { createSecretBox, decodeSecretKey, generateSecretKey } from './secret-box.ts';
import { KEY_FILE_NAME, secretBoxFor } from './secret-key-source.ts';

describe('where the secret key comes from', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'herd-secrets-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('uses HERD_SECRET_KEY when it is set, whatever the database', () => {
    const key = generateSecretKey();
    const dir = dataDir();
    const box = secretBoxFor({ secretKey: key, databaseUrl: 'postgres://herd@db/herd', dataDir: dir });
    assert.equal(createSecretBox(decodeSecretKey(key)).open(box.seal('s', 'c'), 'c'), 's');
    assert.throws(() => statSync(join(dir, KEY_FILE_NAME)), /ENOENT/, 'no key file is made');
  });

  it('on PGlite without it, makes a key once in the data directory, readable by its owner only', () => {
    const dir = join(dataDir(), 'nested');
    const box = secretBoxFor({ dataDir: dir });
    const file = join(dir, KEY_FILE_NAME);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const kept = createSecretBox(decodeSecretKey(readFileSync(file, 'utf8')));
    assert.equal(kept.open(box.seal('token', 'c'), 'c'), 'token', 'what is sealed opens with the key on disk, after a restart too');
    assert.equal(secretBoxFor({ dataDir: dir }), box);
  });

  it('keeps a key file that exists, and makes it private when it was not', () => {
    const dir = dataDir();
    const key = generateSecretKey();
    writeFileSync(join(dir, KEY_FILE_NAME), `${key}\n`);
    chmodSync(join(dir, KEY_FILE_NAME), 0o644);
    const box = secretBoxFor({ dataDir: dir });
    assert.equal(createSecretBox(decodeSecretKey(key)).keyId, box.keyId);
    assert.equal(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777, 0o600);
  });

  it('refuses a damaged key file with where it is, not what is in it', () => {
    const dir = dataDir();
    writeFileSync(join(dir, KEY_FILE_NAME), 'not-a-key-at-all\n', { mode: 0o600 });
    assert.throws(() => secretBoxFor({ dataDir: dir }), (error: Error) => error.message.includes(KEY_FILE_NAME) && !error.message.includes('not-a-key-at-all'));
  });

  it('on PostgreSQL without it, refuses with SECRET_KEY_REQUIRED naming the setting', () => {
    assert.throws(() => secretBoxFor({ databaseUrl: 'postgres://herd@db/herd', dataDir: dataDir() }), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'SECRET_KEY_REQUIRED');
      assert.equal(error.status, 503);
      assert.match(error.message, /HERD_SECRET_KEY/);
      return true;
    });
  });

  it('is a setting checked at start, never echoed when wrong', () => {
    const key = generateSecretKey();
    assert.equal(loadConfig({ HERD_SECRET_KEY: key }).secretKey, key);
    assert.equal(loadConfig({}).secretKey, undefined);
    try {
      loadConfig({ HERD_SECRET_KEY: 'my-password-123' });
      assert.fail('a short key was accepted');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /HERD_SECRET_KEY must be 32 random bytes/);
      assert.ok(!error.message.includes('my-password-123'));
    }
  });
});
