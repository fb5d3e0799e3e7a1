import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../db/test-database.ts';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { testConfig } from '../server/test-app.ts';
import { findOrganizationBySlug } from '../modules/people/index.ts';
import { DEMO_ORG_SLUG } from '../demo/index.ts';
import { applyDemoAction } from '../demo/demo-actions.ts';
import { askRunningHerd, serveDemoControl } from '../demo/demo-control-channel.ts';
import { demoStreamOf, sendDueDemoPosts } from '../demo/demo-stream.ts';
import { runDemoCommand, type DemoOptions } from './commands/demo.ts';
import { runHerd } from './test-herd.ts';

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

describeOnEachDatabase('herd demo', (database) => {
  const db = () => database().db;
  let dataDir: string;
  let config: ReturnType<typeof testConfig>;
  const demoOrgId = async () => (await findOrganizationBySlug(db(), DEMO_ORG_SLUG))?.id;
  /** Runs the command on the test database; its printed lines. */
  const herdDemo = async (options: DemoOptions, confirm?: (question: string) => Promise<boolean>) => {
    const printed: string[] = [];
    await runDemoCommand(config, options, { print: (line) => printed.push(line), ...(confirm && { confirm }) }, (work) => work(db()));
    return printed;
  };

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'herd-demo-'));
    config = testConfig({ dataDir });
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the demo with a running stream and prints the sign-ins', async () => {
    const printed = await herdDemo({});
    assert.equal(printed[0], 'Seeded the "Acme Retail" demo.');
    assert.ok(printed.includes('  volunteer   volunteer@acme-retail.example'));
    assert.match(printed.at(-1)!, /^The demo stream is running \(0 posts so far\).*`herd demo --stop` stops it\.$/);
    assert.equal((await demoStreamOf(db(), (await demoOrgId())!))?.status, 'running');
    assert.equal((await herdDemo({}))[0], 'The "Acme Retail" demo exists already.', 'again: nothing new');
  });

  it('--stop stops the stream, --start resumes it', async () => {
    const orgId = (await demoOrgId())!;
    assert.match((await herdDemo({ stop: true }))[0]!, /^Stopped the demo stream after 0 posts; .*`herd demo --start` resumes it\.$/);
    assert.equal((await sendDueDemoPosts(db(), new Date(Date.now() + 3_600_000))).sent, 0, 'a running Herd sends nothing more');
    assert.match((await herdDemo({})).at(-1)!, /^The demo stream is stopped/, 'plain `herd demo` leaves it stopped and says so');
    assert.match((await herdDemo({ start: true })).at(-1)!, /^The demo stream is running \(0 posts so far\): a running Herd sends the next made-up post within seconds/);
    assert.equal((await sendDueDemoPosts(db(), new Date(Date.now() + 2_500))).sent, 1);
    assert.equal((await demoStreamOf(db(), orgId))?.postsSent, 1);
  });

  it('--reset asks first, and wants --yes where nobody can be asked', async () => {
    await assert.rejects(herdDemo({ reset: true }), (error: unknown) => error instanceof AppError && error.code === 'BAD_REQUEST' && /add --yes to confirm/.test(error.message));
    const questions: string[] = [];
    assert.deepEqual(await herdDemo({ reset: true }, async (question) => { questions.push(question); return false; }), ['Nothing was removed.']);
    assert.match(questions[0]!, /removes the "Acme Retail" demo organization and everything in it/);
    assert.ok(await demoOrgId(), 'still there');
  });

  it('--reset --yes removes the demo organization and every row of it, queued work and stream included', async () => {
    const orgId = (await demoOrgId())!;
    const ownedRows = async () => {
      const tables = await rows<{ table_name: string }>(db(), sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'org_id' order by table_name`);
      assert.ok(tables.length > 30, 'every module\'s tables are checked');
      const counts = await Promise.all(tables.map(async ({ table_name }) => ({
        table: table_name, n: (await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.identifier(table_name)} where org_id = ${orgId}`))[0]!.n,
      })));
      return counts.filter((count) => count.n > 0).map((count) => count.table);
    };
    assert.ok((await ownedRows()).includes('mentions') && (await ownedRows()).includes('jobs'), 'the demo has data and queued work');
    const printed = await herdDemo({ reset: true, yes: true });
    assert.match(printed[0]!, /^Removed the "Acme Retail" demo/);
    assert.match(printed[1]!, /HERD_SEED_DEMO=false/);
    assert.equal(await demoOrgId(), undefined);
    assert.deepEqual(await ownedRows(), [], 'nothing of it is left in any table');
    assert.deepEqual(await herdDemo({ reset: true, yes: true }), ['There is no demo organization; nothing was removed.']);
    await assert.rejects(herdDemo({ stop: true }), (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND');
  });

  it('goes through the Herd that holds the embedded database, never opening it beside it', async () => {
    const stop = new AbortController();
    const serving = serveDemoControl(dataDir, (action) => applyDemoAction(db(), { passwordCost: 10 }, action), stop.signal, { pollMs: 20 });
    try {
      const printed: string[] = [];
      await runDemoCommand(config, {}, { print: (line) => printed.push(line) }, () => { throw new Error('opened the database beside the running Herd'); });
      assert.equal(printed[0], 'Seeded the "Acme Retail" demo.', 'the running Herd seeded it');
      assert.match((await askRunningHerd(dataDir, 'stop'))![0]!, /^Stopped the demo stream/);
      assert.equal((await demoStreamOf(db(), (await demoOrgId())!))?.status, 'stopped');
    } finally {
      stop.abort();
      await serving;
    }
    assert.equal(existsSync(join(dataDir, 'demo-control.json')), false, 'a stopped Herd no longer announces itself');
    assert.equal(await askRunningHerd(dataDir, 'stop'), undefined, 'with no Herd running the command opens the database itself');
  });

  it('says so when the running Herd does not answer', async () => {
    writeFileSync(join(dataDir, 'demo-control.json'), JSON.stringify({ pid: process.pid }));
    try {
      await assert.rejects(askRunningHerd(dataDir, 'stop', { timeoutMs: 300, pollMs: 20 }),
        (error: unknown) => error instanceof AppError && error.code === 'NOT_READY' && /Herd is running on .* \(process \d+\) but did not answer within 0.3 s/.test(error.message));
    } finally {
      rmSync(join(dataDir, 'demo-control.json'), { force: true });
    }
  });
});

it('`herd demo` refuses --reset without --yes outside a terminal, and conflicting flags', async () => {
  const reset = await runHerd(['demo', '--reset'], '');
  assert.equal(reset.code, 1);
  assert.match(reset.stderr, /herd: `herd demo --reset` removes the demo organization and all of its data; add --yes to confirm\./);
  const both = await runHerd(['demo', '--start', '--stop'], '');
  assert.notEqual(both.code, 0);
  assert.match(both.stderr, /option '--start' cannot be used with option '--stop'/);
});
