// `npm start` on a fresh clone has no built web app yet: build it once with Vite.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webFolder = fileURLToPath(new URL('../../web', import.meta.url));

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webAppIsStale(): boolean {
  const index = join(webFolder, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  return newestChange(join(webFolder, 'src')) > statSync(index).mtimeMs;
}

export async function ensureWebAppBuilt(log: (line: string) => void): Promise<void> {
  if (!webAppIsStale()) return;
  log('Building the web app (once, or after its sources change)…');
  const { build } = await import('vite');
  await build({ configFile: join(webFolder, 'vite.config.ts'), logLevel: 'warn' });
}
