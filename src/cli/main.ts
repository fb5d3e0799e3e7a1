// The `herd` command line: start, migrate, user add, demo, config, import, match, triage, policy check.
import { Command, Option } from 'commander';
import { ConfigError, describeSettings } from '../config/index.ts';
import { AppError } from '../errors.ts';

/**
 * A command's action, loaded only when the command runs: `herd match` and `herd triage`
 * then start in a fraction of a second instead of loading the server, web app and database code.
 */
const lazy = <A extends unknown[]>(load: () => Promise<(...args: A) => unknown>) => async (...args: A): Promise<void> => {
  await (await load())(...args);
};
const database = () => import('./commands/database.ts');

export function buildProgram(): Command {
  const program = new Command('herd').description('Herd: the whole company on social media, run from one hub.');
  program.command('start').description('Start Herd (migrates the database and seeds the demo when empty)')
    .option('--port <n>', 'TCP port (overrides HERD_PORT)')
    .option('--roles <list>', 'what to run: api, worker or api,worker (overrides HERD_ROLES)')
    .action(lazy(async () => (await import('./commands/start.ts')).startCommand));
  program.command('migrate').description('Apply database migrations and exit').action(lazy(async () => (await database()).migrateCommand));
  program.command('demo').description('Seed the "Acme Retail" demo organization (once) with its stream of made-up customer posts, and print its sign-ins')
    .addOption(new Option('--start', 'start (or resume) the demo stream').conflicts(['stop', 'reset']))
    .addOption(new Option('--stop', 'stop the demo stream (a running Herd notices within seconds)').conflicts('reset'))
    .option('--reset', 'remove the demo organization, all of its data and its stream (asks first)')
    .option('--yes', 'confirm --reset without asking (needed where there is no terminal to ask at)')
    .action(lazy(async () => (await import('./commands/demo.ts')).demoCommand));
  program.command('config').description('List every setting with its variable, default and meaning')
    .action(() => console.log(describeSettings()));
  program.command('user').description('Manage people').command('add')
    .description('Give someone a role, creating them if they are new')
    .requiredOption('--email <email>', 'their e-mail address')
    .requiredOption('--org <slug>', 'the organization slug')
    .option('--org-name <name>', 'create the organization with this name when it does not exist (the first hub admin of a new installation)')
    .requiredOption('--role <role>', 'hub_admin, pr_lead, spoke_lead, volunteer or analyst')
    .option('--name <name>', 'their name (default: from the e-mail)')
    .option('--spoke <name>', 'the spoke the role is in (default: organization-wide)')
    .option('--password <password>', 'their password (default: a generated one, printed once)')
    .action(lazy(async () => (await database()).userAddCommand));
  program.command('import').description('Import mentions from a CSV or JSON Lines (.jsonl, .ndjson) file into a file source')
    .argument('<file>', 'the file to import')
    .requiredOption('--source <name>', 'the file source to import into (created, keeping every row, when missing)')
    .option('--map <column=field...>', 'which column feeds which field: id, text, url, title, author, author_name, followers, language, created_at, in_reply_to')
    .option('--org <slug>', 'the organization slug (needed when there are several)')
    .action(lazy(async () => (await database()).importCommand));
  program.command('match').description('Match posts (JSON lines on stdin) against topics; one JSON line per post on stdout: {"id", "topics"}')
    .requiredOption('--topics <file>', 'the topics: one "id<TAB>query" per line; blank lines and # comments are skipped')
    .action(lazy(async () => (await import('./commands/match.ts')).matchCommand));
  const triage = program.command('triage')
    .description('Triage posts (JSON lines on stdin: {"id", "text", "lang"?, "author"?, "followers"?}); one JSON line per post on stdout with language, sentiment, category, urgency, place, duplicate group and spam')
    .option('--model <file>', 'a model from `herd triage train`: a sentiment model (labels negative, neutral, positive) or a category model; give one of each to use both', (file: string, files: string[] | undefined) => [...(files ?? []), file])
    .option('--stores <file>', 'a JSON array of stores to recognize: {"spokeId", "name", "aliases", "address", "city"}')
    .action(lazy(async () => (await import('./commands/triage.ts')).triageCommand));
  triage.command('train').description('Train a sentiment or category model from a labeled CSV, TSV or JSON Lines file, for `herd triage --model`')
    .requiredOption('--data <file>', 'the labeled examples (.csv, .tsv, .jsonl or .ndjson)')
    .requiredOption('--label-column <name>', 'the column (or JSON field) holding the label')
    .option('--text-column <name>', 'the column (or JSON field) holding the text', 'text')
    .requiredOption('--out <file>', 'where to write the model')
    .action(lazy(async () => (await import('./commands/triage-train.ts')).triageTrainCommand));
  program.command('policy').description('The social-media policy').command('check')
    .description('Check texts (JSON lines on stdin: {"id", "text", "network"?, "topic"?}) against the policy; one JSON line per text on stdout: {"id", "findings", "worst"}')
    .addOption(new Option('--rules <file>', 'a rules file (JSON: {"rules": [...]} or an array of rules) instead of the organization\'s policy').conflicts('org'))
    .option('--org <slug>', 'the organization whose policy to use (needed when there are several)')
    .action(lazy(async () => (await import('./commands/policy-check.ts')).policyCheckCommand));
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
