// Where the secret box's key comes from: HERD_SECRET_KEY when it is set; else, on the
// embedded database, a key generated once and kept beside the data in the data
// directory (readable by its owner only), so a single-machine install needs no setup.
// On a PostgreSQL server without HERD_SECRET_KEY there is nowhere safe to keep one
// (processes on several machines must share it), so storing a secret is refused.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import { createSecretBox, decodeSecretKey, generateSecretKey, type SecretBox } from './secret-box.ts';

/** The settings that decide the key (a subset of Config). */
export interface SecretKeySettings {
  secretKey?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir: string;
}

export const KEY_FILE_NAME = 'herd-secret.key';

const boxes = new Map<string, SecretBox>();

/** The secret box of these settings (the key file is read or made once per process); throws SECRET_KEY_REQUIRED when there is no key. */
export function secretBoxFor(settings: SecretKeySettings): SecretBox {
  if (settings.secretKey) return cached(`env\0${settings.secretKey}`, () => decodeSecretKey(settings.secretKey!));
  if (settings.databaseUrl) {
    throw new AppError('SECRET_KEY_REQUIRED', 'Herd keeps credentials encrypted and needs a key for it: set HERD_SECRET_KEY (32 random bytes as base64, e.g. `openssl rand -base64 32`) on every Herd process, then try again.', { setting: 'HERD_SECRET_KEY' });
  }
  const file = resolve(settings.dataDir, KEY_FILE_NAME);
  return cached(`file\0${file}`, () => keyFromFile(file));
}

function cached(id: string, key: () => Buffer): SecretBox {
  let box = boxes.get(id);
  if (!box) {
    box = createSecretBox(key());
    boxes.set(id, box);
  }
  return box;
}

/** Reads the key file, or writes a new key to it (exclusively, so two processes starting together agree on one). */
function keyFromFile(file: string): Buffer {
  mkdirSync(join(file, '..'), { recursive: true });
  try {
    writeFileSync(file, `${generateSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A key file others can read is tightened rather than refused: it was ours to begin with.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  try {
    return decodeSecretKey(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} ${(error as Error).message}; restore it, or remove it to start over (credentials sealed with it can then not be read)`, { cause: error });
  }
}
