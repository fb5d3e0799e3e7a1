// `herd start`: runs Herd in this process until SIGINT/SIGTERM.
import { loadConfig } from '../../config/index.ts';
import { startHerd, stopOnSignals } from '../../main.ts';

export interface StartOptions { port?: string; roles?: string }

export async function startCommand(options: StartOptions): Promise<void> {
  // Flags go through the same parsers as the environment, so a bad --port is reported the same way.
  const env = { ...process.env, ...(options.port && { HERD_PORT: options.port }), ...(options.roles && { HERD_ROLES: options.roles }) };
  stopOnSignals(await startHerd(loadConfig(env)));
}
