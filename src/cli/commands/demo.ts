// `herd demo`: seeds the "Acme Retail" demo with its stream of made-up posts (plain),
// starts or stops the stream (--start, --stop), or removes the demo (--reset, which asks
// first, or needs --yes where nobody can be asked). When Herd runs on the embedded
// database the running Herd does it (it holds the data folder); otherwise the command
// opens the database itself.
import { createInterface } from 'node:readline/promises';
import { AppError } from '../../errors.ts';
import { loadConfig, type Config } from '../../config/index.ts';
import { applyDemoAction, type DemoAction } from '../../demo/demo-actions.ts';
import { askRunningHerd } from '../../demo/demo-control-channel.ts';
import type { Database } from '../../db/index.ts';
import { withDatabase } from './with-database.ts';

type InDatabase = <T>(work: (db: Database) => Promise<T>) => Promise<T>;

export interface DemoOptions { start?: boolean; stop?: boolean; reset?: boolean; yes?: boolean }

export interface DemoCommandIo {
  print(line: string): void;
  /** Asks a yes/no question; undefined when there is nobody to ask (no terminal). */
  confirm?: (question: string) => Promise<boolean>;
}

export const actionOf = (options: DemoOptions): DemoAction => (options.reset ? 'reset' : options.stop ? 'stop' : options.start ? 'start' : 'show');

const RESET_QUESTION = 'This removes the "Acme Retail" demo organization and everything in it (people, mentions, conversations, replies, stories) and its demo stream. Remove it? [y/N] ';

/** Whether to go on: a reset must be confirmed, by --yes or at the terminal. */
export async function confirmed(options: DemoOptions, io: DemoCommandIo): Promise<boolean> {
  if (!options.reset || options.yes) return true;
  if (!io.confirm) throw new AppError('BAD_REQUEST', '`herd demo --reset` removes the demo organization and all of its data; add --yes to confirm.');
  return io.confirm(RESET_QUESTION);
}

/** Runs the action, through the running Herd when one holds the embedded database. */
export async function runDemoCommand(config: Config, options: DemoOptions, io: DemoCommandIo, inDatabase: InDatabase = withDatabase): Promise<void> {
  if (!(await confirmed(options, io))) {
    io.print('Nothing was removed.');
    return;
  }
  const action = actionOf(options);
  const throughHerd = config.databaseUrl ? undefined : await askRunningHerd(config.dataDir, action);
  const lines = throughHerd ?? await inDatabase((db) => applyDemoAction(db, { passwordCost: config.passwordCost }, action));
  for (const line of lines) io.print(line);
}

function terminalIo(): DemoCommandIo {
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  return {
    print: (line) => console.log(line),
    ...(interactive && {
      confirm: async (question: string) => {
        const prompt = createInterface({ input: process.stdin, output: process.stdout });
        try {
          return /^y(es)?$/i.test((await prompt.question(question)).trim());
        } finally {
          prompt.close();
        }
      },
    }),
  };
}

export async function demoCommand(options: DemoOptions): Promise<void> {
  await runDemoCommand(loadConfig(), options, terminalIo());
}
