// `npm start` on a fresh clone has no built web app yet: build it once with Vite, and
// again whenever its sources change. Changes are told by content, not file times: a
// checkout or copy that keeps old times must not be served a stale build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webFolder = fileURLToPath(new URL('../../web', import.meta.url));
/** What the build is made from, beside the `src` folder. */
const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'tsconfig.json'];
const FINGERPRINT_FILE = '.source-fingerprint';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** A hash of every build input's path and content. */
export function sourceFingerprint(folder: string): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(join(folder, 'src')), ...BUILD_INPUTS.map((name) => join(folder, name)).filter((path) => existsSync(path))];
  for (const path of inputs.map((input) => relative(folder, input)).sort()) {
    hash.update(`${path}\0`).update(readFileSync(join(folder, path))).update('\0');
  }
  return hash.digest('hex');
}

export function webAppIsStale(folder = webFolder): boolean {
  const fingerprint = join(folder, 'dist', FINGERPRINT_FILE);
  if (!existsSync(join(folder, 'dist', 'index.html')) || !existsSync(fingerprint)) return true;
  return readFileSync(fingerprint, 'utf8') !== sourceFingerprint(folder);
}

export async function ensureWebAppBuilt(log: (line: string) => void): Promise<void> {
  if (!webAppIsStale()) return;
  log('Building the web app (once, or after its sources change)…');
  // Taken before the build, so a source changed during it makes the next start build again.
  const fingerprint = sourceFingerprint(webFolder);
  const { build } = await import('vite');
  await build({ configFile: join(webFolder, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(join(webFolder, 'dist', FINGERPRINT_FILE), fingerprint);
}
