// One process at a time on a PGlite data folder: PGlite is Postgres in a single process,
// with none of the server's shared locking, so a second process writing the same folder
// (`herd user add` while `herd start` runs) would corrupt it. The holder writes its pid
// into `herd.pid`; a lock whose process is gone (a crash, a kill) is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';

const LOCK_FILE = 'herd.pid';

/** The folders this process holds: a lock file with our pid that is not among them was left by an earlier life with the same pid (pid 1 in a container). */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data folder for this process, or refuses naming the process that has it; returns the release. */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(resolve(dataDir), LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        if (holderOf(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(path);
    if (heldHere.has(path)) throw new AppError('CONFLICT', `The data folder ${dataDir} is open already in this process.`);
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new AppError('CONFLICT', `The data folder ${dataDir} is in use by another Herd process (pid ${holder}). `
        + 'Stop it first (for the demo, `herd demo` asks the running Herd to do the work). If no Herd runs, delete '
        + `${path}.`);
    }
    // Left by a process that is gone, or by an earlier life with this pid.
    rmSync(path, { force: true });
  }
  throw new AppError('CONFLICT', `The data folder ${dataDir} could not be locked: another process took it meanwhile.`);
}
