import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './client.ts';

const newFolder = () => mkdtempSync(join(tmpdir(), 'herd-lock-'));

describe('one process at a time on a PGlite data folder', () => {
  it('refuses a second opening while the first holds the folder, and lets go on close', async () => {
    const dataDir = newFolder();
    const first = await openDatabase({ driver: 'pglite', dataDir });
    await assert.rejects(openDatabase({ driver: 'pglite', dataDir }), (error: Error & { code?: string }) =>
      error.code === 'CONFLICT' && error.message.includes('open already in this process') && error.message.includes(dataDir));
    await first.close();
    assert.equal(existsSync(join(dataDir, 'herd.pid')), false);
    const again = await openDatabase({ driver: 'pglite', dataDir });
    await again.close();
  });

  it('refuses a folder another running process holds, naming it', async () => {
    const dataDir = newFolder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      writeFileSync(join(dataDir, 'herd.pid'), String(other.pid));
      await assert.rejects(openDatabase({ driver: 'pglite', dataDir }), new RegExp(`in use by another Herd process \\(pid ${other.pid}\\)`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock with this process\'s pid that this process does not hold (an earlier life as pid 1 in a container)', async () => {
    const dataDir = newFolder();
    writeFileSync(join(dataDir, 'herd.pid'), String(process.pid));
    const database = await openDatabase({ driver: 'pglite', dataDir });
    await database.close();
  });

  it('takes over the lock of a process that is gone', async () => {
    const dataDir = newFolder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dataDir, 'herd.pid'), gone.stdout);
    const database = await openDatabase({ driver: 'pglite', dataDir });
    await database.close();
  });
});
