// Benchmark of the tracked-link redirect (`GET /s/:code`) on the embedded default
// (PGlite): the whole app listens on a local port; a load generator in a worker thread
// of this process (so it can run on the second core, while the app's event loop, and
// PGlite with it, keep one thread) sends requests over real HTTP on many keep-alive
// connections. Each connection is a new visitor address (127.x.y.z, all loopback) that
// makes a few requests and then closes, as visitors do, so the per-address flood limit
// sees realistic traffic. The mix: most clicks on a few hot links, some repeat clicks,
// a few bots and unknown codes. At the end every counted click must be in the database.
// Writes bench/results/redirect.json (latencies in milliseconds); docs/benchmarks.md discusses it.
//
//   npm run bench:redirect
//   BENCH_SECONDS=5 BENCH_CONNECTIONS=32 npm run bench:redirect   # a quicker one
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../src/db/test-database.ts';
import { buildApp } from '../src/server/app.ts';
import { testConfig } from '../src/server/test-app.ts';
import { createGuardedHttp } from '../src/connectors/index.ts';
import { createOrganization } from '../src/modules/people/index.ts';
import { createTrackedLink } from '../src/modules/advocacy/index.ts';
import { describeMachine, loadAverages } from './machine.ts';
import type { LoadReport } from './redirect-load.worker.ts';

const LINKS = Number(process.env.BENCH_LINKS ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const TARGET_PER_SECOND = 5000;
const log = (message: string) => process.stderr.write(`${message}\n`);

const percentile = (sorted: Float64Array, p: number) => sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (value: number, places = 2) => Number(value.toFixed(places));

function runLoad(port: number, codes: string[]): Promise<LoadReport> {
  // Node 20 does not apply `--import tsx` to a worker's entry file, so a small script registers tsx first.
  const entry = new URL('./redirect-load.worker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, {
    eval: true,
    workerData: { port, codes, connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const loadBefore = loadAverages();
  log(`load average before: ${loadBefore.join(', ')}`);
  const database = await createTestDatabase('pglite');
  const app = await buildApp({ config: testConfig(), database, http: createGuardedHttp({ allowHosts: [] }) });
  const orgId = (await createOrganization(database.db, { slug: 'bench', name: 'Bench' })).id;
  const codes: string[] = [];
  for (let i = 0; i < LINKS; i++) {
    const link = await createTrackedLink(database.db, orgId, { shareId: null, storyUrl: `https://acme.example/stories/${i}?ref=hub`, utm: { source: 'linkedin', medium: 'employee-share', campaign: `story-${i}`, content: `share-${i}` } });
    codes.push(link.code);
  }
  await app.listen({ host: '0.0.0.0', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  log(`${LINKS} links; ${CONNECTIONS} connections for ${WARM_UP_SECONDS} s warm-up + ${SECONDS} s measured, from a worker thread`);

  const cpuBefore = process.cpuUsage();
  const eluBefore = performance.eventLoopUtilization();
  const report = await runLoad(port, codes);
  const serverThreadBusy = performance.eventLoopUtilization(eluBefore).utilization;
  const cpu = process.cpuUsage(cpuBefore);

  // Every redirect waited for its click's commit, so nothing is pending; the check reads what is stored.
  const { rows: [stored] } = await database.db.execute(sql`select coalesce(sum(clicks), 0)::int as clicks, count(*)::int as visitors from link_clicks`) as unknown as { rows: [{ clicks: number; visitors: number }] };
  await app.close();
  await database.close();

  const latencies = Float64Array.from(report.latenciesMs).sort();
  const redirectsPerSecond = report.measured.redirects / report.measured.seconds;
  const result = {
    what: 'GET /s/:code over HTTP/1.1 keep-alive on 127.0.0.0/8, app and PGlite on the main thread, load generator in a worker thread of the same process',
    links: LINKS, connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: round(report.measured.seconds),
    requests: report.measured.requests, redirects: report.measured.redirects, notFound: report.measured.notFound, otherStatus: report.measured.other,
    botRequests: report.measured.bots, visitorAddresses: report.measured.addresses,
    redirectsPerSecond: Math.round(redirectsPerSecond),
    requestsPerSecond: Math.round(report.measured.requests / report.measured.seconds),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
    cpu: {
      // Both threads: the server's and the load generator's.
      processCpuSeconds: round((cpu.user + cpu.system) / 1e6),
      wallSeconds: round(report.measured.seconds + report.warmUpSeconds),
      serverThreadBusy: round(serverThreadBusy, 3),
    },
    durability: {
      expectedClicks: report.total.countedClicks, storedClicks: stored.clicks,
      expectedUniqueVisitors: report.total.countedClicks - report.total.repeatClicks, storedUniqueVisitors: stored.visitors,
    },
    targetPerSecond: TARGET_PER_SECOND,
    machine: describeMachine(loadBefore),
  };
  const durable = stored.clicks === result.durability.expectedClicks && stored.visitors === result.durability.expectedUniqueVisitors;
  const report2 = { ...result, allClicksStored: durable, targetMet: redirectsPerSecond >= TARGET_PER_SECOND && durable };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/redirect.json', `${JSON.stringify(report2, null, 2)}\n`);
  log(JSON.stringify({ redirectsPerSecond: report2.redirectsPerSecond, latencyMs: report2.latencyMs, cpu: report2.cpu, durability: report2.durability }, null, 2));
  log(`wrote bench/results/redirect.json (target met: ${report2.targetMet})`);
  if (!durable) process.exitCode = 1;
}

await main();
