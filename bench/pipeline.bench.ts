// Benchmark of the whole pipeline on the embedded default (PGlite): mentions arrive as
// a streaming connector delivers them (a small batch every 50 ms), are stored,
// triaged and routed by the job worker running in this process, and announced live;
// latency is from the moment a batch is handed to ingest to the moment the live
// event of its conversation is heard (the same LISTEN the web app's stream uses).
// The rate steps up; the knee is the first rate whose median latency is more than twice
// the previous rate's (queueing sets in; a single slow batch moves p99, not p50), or
// at which fewer than 95% of the mentions offered arrive.
// Writes bench/results/pipeline.json (latencies in milliseconds); docs/benchmarks.md discusses it.
//
//   npm run bench:pipeline
//   BENCH_RATES=50,200 BENCH_SECONDS=5 npm run bench:pipeline   # a quicker one
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTestDatabase } from '../src/db/test-database.ts';
import { keepTablesTidy } from '../src/db/index.ts';
import { runJobWorker, type JobDefinition } from '../src/jobs/index.ts';
import { modules } from '../src/server/app.ts';
import { seedAcmeRetail } from '../src/demo/index.ts';
import { createSource, ingestPosts, mentionsForEnrichment, type PostToStore } from '../src/modules/listening/index.ts';
import { systemActor } from '../src/modules/people/index.ts';
import { createLiveHub } from '../src/modules/routing/live/index.ts';
import { describeMachine, loadAverages } from './machine.ts';
import { SeededRandom } from './generate-listening-data.ts';

const rates = (process.env.BENCH_RATES ?? '50,100,150,200,250,300,350').split(',').map(Number);
/** Unmeasured seconds at the first rate: the JIT, the demo's own first mentions and the category model settle. */
const warmUpSeconds = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
const secondsPerRate = Number(process.env.BENCH_SECONDS ?? 30);
const TICK_MS = 50;
const log = (message: string) => process.stderr.write(`${message}\n`);

const openings = [
  'My parcel still has not arrived, tracking says nothing', 'You charged me twice for order', 'The kettle stopped working after a week',
  'Huge queue at the Leeds store checkout', 'Thank you so much to the team at the Manchester store', 'I want a refund for the broken blender',
  'Meine Bestellung ist immer noch nicht angekommen', 'Is Acme hiring, any vacancies near York', 'I will speak to my lawyer about this',
  'The fitting room at Oxford Street was filthy',
];

function postsFor(random: SeededRandom, from: number, count: number): PostToStore[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `bench-${from + i}`, text: `${openings[random.int(openings.length)]} #${from + i}`,
    author: { handle: `@customer${random.int(5000)}`, followers: random.int(20_000) },
  }));
}

interface RateResult {
  offeredPerSecond: number; sent: number; routedLive: number; sendSeconds: number; throughputPerSecond: number; p50: number; p95: number; p99: number; max: number;
  /** Where the slowest 1% spent their time: milliseconds of each job kind (and of ingesting) that ran while they waited, on average. */
  slowestPercentSpentMs: Record<string, number>;
  /** How busy the single PGlite thread was: milliseconds of each kind of work per second, and how many runs of it a second. */
  busyMsPerSecond: Record<string, number>;
  runsPerSecond: Record<string, number>;
}

/** A span of work on the single PGlite thread: a job run of one kind, or a batch being ingested. */
interface WorkSpan { kind: string; start: number; end: number }

/** Every job run timed, so the slowest arrivals can be explained by what ran meanwhile. */
function timedDefinitions(spans: WorkSpan[]): JobDefinition[] {
  return modules.flatMap((module) => module.jobs ?? []).map((definition) => ({
    ...definition,
    handle: async (payload, context) => {
      const start = performance.now();
      try {
        await definition.handle(payload, context);
      } finally {
        spans.push({ kind: definition.kind, start, end: performance.now() });
      }
    },
  }));
}

/** The work that overlapped each of the slowest waits, per kind, averaged over them; the rest of the wait is "between work" (claims, queries outside jobs, idle). */
function timeOfSlowest(waits: WorkSpan[], spans: WorkSpan[]): Record<string, number> {
  const slowest = [...waits].sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, Math.max(1, Math.ceil(waits.length / 100)));
  const totals: Record<string, number> = {};
  for (const wait of slowest) {
    let covered = 0;
    for (const span of spans) {
      const overlap = Math.min(span.end, wait.end) - Math.max(span.start, wait.start);
      if (overlap <= 0) continue;
      totals[span.kind] = (totals[span.kind] ?? 0) + overlap;
      covered += overlap;
    }
    totals['between work'] = (totals['between work'] ?? 0) + Math.max(0, wait.end - wait.start - covered);
  }
  return Object.fromEntries(Object.entries(totals).map(([kind, ms]): [string, number] => [kind, round(ms / slowest.length)]).sort(([, a], [, b]) => b - a));
}

/** Milliseconds of each kind of work (and how many runs of it) per second of the measured span. */
function busyness(spans: WorkSpan[], seconds: number): Pick<RateResult, 'busyMsPerSecond' | 'runsPerSecond'> {
  const busy: Record<string, number> = {};
  const runs: Record<string, number> = {};
  for (const span of spans) {
    busy[span.kind] = (busy[span.kind] ?? 0) + span.end - span.start;
    runs[span.kind] = (runs[span.kind] ?? 0) + 1;
  }
  const perSecond = (totals: Record<string, number>) =>
    Object.fromEntries(Object.entries(totals).map(([kind, total]): [string, number] => [kind, round(total / seconds)]).sort(([, a], [, b]) => b - a));
  return { busyMsPerSecond: perSecond(busy), runsPerSecond: perSecond(runs) };
}

const percentile = (sorted: number[], p: number) => sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const loadBefore = loadAverages();
  const database = await createTestDatabase('pglite');
  const { orgId } = await seedAcmeRetail(database.db, { passwordCost: 4 });
  const actor = systemActor(orgId, 'bench');
  const source = await createSource(database.db, actor, { kind: 'file', name: 'Bench stream', config: {}, matchMode: 'all' });
  const target = { id: source.id, orgId, name: source.name, matchMode: 'all' as const };
  const workers = new AbortController();
  const spans: WorkSpan[] = [];
  // As `herd start` does on PGlite: vacuum and analyze as tables grow (timed beside the job runs).
  const upkeep = keepTablesTidy(database.db, workers.signal, {
    onTidied: (_done, start, end) => spans.push({ kind: 'table upkeep', start, end }),
    onError: (error) => log(`table upkeep failed: ${error.message}`),
  });
  const worker = runJobWorker({ db: database.db, definitions: timedDefinitions(spans), workerId: 'bench', onError: (error) => log(`job failed: ${error.message}`) }, workers.signal);

  const arrivedAt = new Map<string, number>();
  const latencies: number[] = [];
  const waits: WorkSpan[] = [];
  const hub = createLiveHub(database);
  await hub.subscribe((event) => {
    if (event.type !== 'conversation.changed') return;
    const started = arrivedAt.get(event.conversationId);
    if (started === undefined) return;
    arrivedAt.delete(event.conversationId);
    const heardAt = performance.now();
    latencies.push(heardAt - started);
    waits.push({ kind: 'wait', start: started, end: heardAt });
  });

  const random = new SeededRandom(42);
  let next = 0;
  const results: RateResult[] = [];
  for (const [rate, seconds, measured] of [[rates[0]!, warmUpSeconds, false] as const, ...rates.map((r) => [r, secondsPerRate, true] as const)]) {
    latencies.length = 0;
    waits.length = 0;
    spans.length = 0;
    const perTick = rate * TICK_MS / 1000;
    const ticks = Math.round(seconds * 1000 / TICK_MS);
    const began = performance.now();
    let owed = 0;
    let offered = 0;
    for (let tick = 0; tick < ticks; tick++) {
      owed += perTick;
      const count = Math.floor(owed);
      owed -= count;
      const startedAt = performance.now();
      const outcome = await ingestPosts(database.db, target, postsFor(random, next, count));
      spans.push({ kind: 'ingest', start: startedAt, end: performance.now() });
      next += count;
      offered += count;
      // One new conversation per mention (no replies): its id keys the arrival time.
      for (const { conversationId } of await mentionsForEnrichment(database.db, orgId, outcome.mentionIds)) arrivedAt.set(conversationId, startedAt);
      const wait = began + (tick + 1) * TICK_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const sendSeconds = (performance.now() - began) / 1000;
    // Let the queue drain (up to two minutes), so one rate's backlog does not weigh on the next.
    const drainUntil = performance.now() + 120_000;
    while (latencies.length < offered && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
    const elapsed = (performance.now() - began) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const result: RateResult = {
      offeredPerSecond: rate, sent: offered, routedLive: latencies.length, sendSeconds: round(sendSeconds),
      throughputPerSecond: round(latencies.length / elapsed),
      p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0),
      slowestPercentSpentMs: timeOfSlowest(waits, spans),
      ...busyness(spans, elapsed),
    };
    log(`${measured ? '' : 'warm-up: '}${JSON.stringify(result)}`);
    if (measured) results.push(result);
    arrivedAt.clear();
  }
  workers.abort();
  await Promise.all([worker, upkeep]);
  await hub.close();
  await database.close();

  const knee = results.find((r, i) => (i > 0 && r.p50 > 2 * results[i - 1]!.p50) || r.throughputPerSecond < 0.95 * r.offeredPerSecond);
  const at200 = results.find((r) => r.offeredPerSecond === 200);
  const report = {
    benchmark: 'pipeline', driver: 'pglite', secondsPerRate, warmUpSeconds, tickMs: TICK_MS,
    target: 'p99 under 250 ms at 200 mentions/s sustained',
    targetMet: at200 ? at200.p99 < 250 && at200.routedLive === at200.sent : null,
    kneeRule: 'first rate whose p50 is more than twice the previous rate\'s, or whose throughput is below 95% of the offered rate',
    kneePerSecond: knee?.offeredPerSecond ?? null,
    results, machine: describeMachine(loadBefore),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/pipeline.json', `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote bench/results/pipeline.json (target met: ${report.targetMet}, knee: ${report.kneePerSecond ?? 'none up to ' + rates.at(-1)}/s)`);
}

await main();
