// How `herd demo` reaches a Herd that is running on the embedded database. PGlite
// belongs to the one process that opened its data folder: a second process opening it
// would read stale data and overwrite the first one's. So the running Herd announces
// itself with a file in the data folder and takes requests through two more files
// there (a request, then its answer); the command uses them when that Herd is alive,
// and opens the database itself only when no Herd holds it. With PostgreSQL every
// process opens the database, and none of this is used.
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { AppError, errorCatalogue, type ErrorCode } from '../errors.ts';
import { demoActions, type DemoAction } from './demo-actions.ts';

const files = (dataDir: string) => ({
  server: join(dataDir, 'demo-control.json'),
  request: join(dataDir, 'demo-control.request.json'),
  response: join(dataDir, 'demo-control.response.json'),
});

type Answer = { id: string; ok: true; lines: string[] } | { id: string; ok: false; code: ErrorCode; message: string };

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // missing, or half-written by a process that died: as good as absent
  }
}

/** Written aside and renamed, so the other side never reads half a file. */
function writeJson(file: string, value: unknown): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(value));
  renameSync(partial, file);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/** The process id of the Herd running on this data folder, if one is. */
export function runningHerdOn(dataDir: string): number | undefined {
  const server = readJson(files(dataDir).server) as { pid?: unknown } | undefined;
  return typeof server?.pid === 'number' && isAlive(server.pid) ? server.pid : undefined;
}

export interface ControlOptions { pollMs?: number; onError?: (error: Error) => void }

/** Run by the Herd that holds the data folder: answers `herd demo` until the signal aborts. */
export async function serveDemoControl(dataDir: string, handle: (action: DemoAction) => Promise<string[]>, signal: AbortSignal, { pollMs = 500, onError = () => undefined }: ControlOptions = {}): Promise<void> {
  const paths = files(dataDir);
  writeJson(paths.server, { pid: process.pid, since: new Date().toISOString() });
  try {
    while (!signal.aborted) {
      const request = readJson(paths.request) as { id?: unknown; action?: unknown } | undefined;
      if (request !== undefined) {
        rmSync(paths.request, { force: true });
        if (typeof request.id === 'string') writeJson(paths.response, await answer(request.id, request.action, handle, onError));
      }
      await sleepFor(pollMs, undefined, { signal }).catch(() => undefined);
    }
  } finally {
    // Unless another Herd has announced itself since (it would have had to wait for this one to stop).
    if ((readJson(paths.server) as { pid?: unknown } | undefined)?.pid === process.pid) rmSync(paths.server, { force: true });
  }
}

async function answer(id: string, action: unknown, handle: (action: DemoAction) => Promise<string[]>, onError: (error: Error) => void): Promise<Answer> {
  if (!demoActions.includes(action as DemoAction)) return { id, ok: false, code: 'BAD_REQUEST', message: `"${String(action)}" is not something \`herd demo\` does.` };
  try {
    return { id, ok: true, lines: await handle(action as DemoAction) };
  } catch (error) {
    if (error instanceof AppError) return { id, ok: false, code: error.code, message: error.message };
    onError(error as Error);
    return { id, ok: false, code: 'INTERNAL', message: errorCatalogue.INTERNAL.message };
  }
}

/**
 * Asks the Herd running on this data folder to do `action`; its answer's lines, or
 * undefined when no Herd runs there. A Herd that does not answer in time is an error:
 * opening the database beside it would be worse.
 */
export async function askRunningHerd(dataDir: string, action: DemoAction, { timeoutMs = 15_000, pollMs = 200 } = {}): Promise<string[] | undefined> {
  const pid = runningHerdOn(dataDir);
  if (pid === undefined) return undefined;
  const paths = files(dataDir);
  const id = randomUUID();
  writeJson(paths.request, { id, action });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reply = readJson(paths.response) as Answer | undefined;
    if (reply?.id === id) {
      rmSync(paths.response, { force: true });
      if (reply.ok) return reply.lines;
      throw new AppError(reply.code, reply.message);
    }
    await sleepFor(pollMs);
  }
  rmSync(paths.request, { force: true });
  throw new AppError('NOT_READY', `Herd is running on ${dataDir} (process ${pid}) but did not answer within ${timeoutMs / 1000} s; stop it and run the command again.`);
}
