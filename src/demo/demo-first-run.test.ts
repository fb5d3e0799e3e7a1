// The first run as `npm start` makes it, in real time: Herd on an empty data folder seeds
// the demo and starts its stream, and within seconds the demo's volunteer has a
// conversation; `herd demo --stop` reaches the running Herd; after a restart the demo
// is not seeded again and the stream stays stopped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config/index.ts';
import { startHerd, type RunningHerd } from '../main.ts';
import { askRunningHerd } from './demo-control-channel.ts';

const VOLUNTEER = 'volunteer@acme-retail.example';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(250)) {
    const found = await probe();
    if (found !== undefined) return found;
  }
  throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
}

describe('the first run', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herd-first-run-'));
  // Worker only: the pipeline and the stream run as in `npm start`, without building the web app.
  const config = loadConfig({}, { dataDir, roles: ['worker'], passwordCost: 10, logLevel: 'silent' });
  const logged: string[] = [];
  let herd: RunningHerd | undefined;
  const count = async (query: ReturnType<typeof sql>) => Number(((await herd!.database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const demoPosts = () => count(sql`select count(*)::int as n from mentions where external_id like 'acme-demo-%'`);

  before(async () => {
    herd = await startHerd(config, (line) => logged.push(line));
  });
  after(async () => {
    await herd?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo, starts its stream and routes a conversation to the demo\'s volunteer within seconds', async () => {
    assert.ok(logged.some((line) => line.startsWith('Seeded the "Acme Retail" demo.')));
    assert.ok(logged.some((line) => line.includes('`herd demo --stop` stops them')));
    const started = Date.now();
    await waitFor('a conversation assigned to the volunteer', async () => {
      const n = await count(sql`select count(*)::int as n from conversation_states cs join people p on p.id = cs.assignee_id
        join mentions m on m.conversation_id = cs.conversation_id where p.email = ${VOLUNTEER} and m.external_id like 'acme-demo-%'`);
      return n > 0 ? n : undefined;
    });
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
    assert.ok(logged.includes('Demo stream: sending made-up customer posts to the demo; `herd demo --stop` stops it.'));
  });

  it('stops when `herd demo --stop` asks, and stays stopped and seeded once across a restart', async () => {
    const lines = await askRunningHerd(dataDir, 'stop');
    assert.match(lines![0]!, /^Stopped the demo stream after \d+ posts?;/);
    await waitFor('the stream to notice', async () => (logged.includes('Demo stream: stopped.') ? true : undefined), 10_000);
    const sent = await demoPosts();
    await herd!.stop();
    logged.length = 0;
    herd = await startHerd(config, (line) => logged.push(line));
    await sleep(2_500); // longer than the stream waits between looks
    assert.equal(await demoPosts(), sent, 'nothing sent while stopped, before or after the restart');
    assert.ok(!logged.some((line) => line.startsWith('Seeded')), 'seeded once');
    assert.equal(await count(sql`select count(*)::int as n from organizations`), 1);
  });
});
