// The `herd` command line: start, migrate, user add, demo, config.
import { Command } from 'commander';
import { ConfigError, describeSettings } from '../config/index.ts';
import { AppError } from '../errors.ts';
import { startCommand } from './commands/start.ts';
import { demoCommand, migrateCommand, userAddCommand } from './commands/database.ts';

export function buildProgram(): Command {
  const program = new Command('herd').description('Herd: the whole company on social media, run from one hub.');
  program.command('start').description('Start Herd (migrates the database and seeds the demo when empty)')
    .option('--port <n>', 'TCP port (overrides HERD_PORT)')
    .option('--roles <list>', 'what to run: api, worker or api,worker (overrides HERD_ROLES)')
    .action(startCommand);
  program.command('migrate').description('Apply database migrations and exit').action(migrateCommand);
  program.command('demo').description('Seed the "Acme Retail" demo organization (once) and print its sign-ins').action(demoCommand);
  program.command('config').description('List every setting with its variable, default and meaning')
    .action(() => console.log(describeSettings()));
  program.command('user').description('Manage people').command('add')
    .description('Give someone a role, creating them if they are new')
    .requiredOption('--email <email>', 'their e-mail address')
    .requiredOption('--org <slug>', 'the organization slug')
    .requiredOption('--role <role>', 'hub_admin, pr_lead, spoke_lead, volunteer or analyst')
    .option('--name <name>', 'their name (default: from the e-mail)')
    .option('--spoke <name>', 'the spoke the role is in (default: organization-wide)')
    .option('--password <password>', 'their password (default: a generated one, printed once)')
    .action(userAddCommand);
  return program;
}

export async function runCli(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AppError) {
      console.error(`herd: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

await runCli();
