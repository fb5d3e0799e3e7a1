// Benchmark of the crisis detectors (src/modules/crisis/detectors) against the crisis
// issue's target: they keep up with 10,000 mentions a second on one core.
//
// One organization with 100 topics, each a seeded synthetic stream (daily and weekly
// seasonality, noise and bursts) of 30 to 600 mentions an hour, log-uniformly spread,
// about 21,000 mentions an hour in all. Every mention goes, in time order, to its topic's
// TopicDetector with its text, so the trigger words are matched inside the timed path
// (one matcher shared by the organization's topics, as the wiring will do), and every 10
// seconds of stream time every topic's clock is advanced, as a timer would. Ten days of
// stream: the first week is the volume detector's warm-up, the last three days run every
// detector. Mentions are generated a day at a time before that day is timed; only feeding
// them is timed, in CPU time of this process (one core's work) and in wall-clock time.
// At the end: the snapshot size per topic (what persisting the state will cost) and the
// heap the detectors hold (after a garbage collection, less what the process held before them).
// Writes bench/results/crisis-speed.json; docs/benchmarks.md discusses the numbers.
//
//   npm run bench:crisis
//   BENCH_DAYS=8 npm run bench:crisis       # a shorter stream
import { mkdirSync, writeFileSync } from 'node:fs';
import { TopicDetector, TriggerWordMatcher, resolveDetectorSettings, type CrisisAlert, type CrisisMention } from '../src/modules/crisis/index.ts';
import { seededRandom } from '../src/seeded-random.ts';
import { syntheticMentions } from '../src/modules/crisis/detectors/synthetic-mention-stream.ts';
import { describeMachine, loadAverages } from './machine.ts';

const TARGET_MENTIONS_PER_SECOND = 10_000;
const TOPICS = 100;
const DAYS = Number(process.env.BENCH_DAYS ?? 10);
const WARM_UP_DAYS = 7;
const TICK_MS = 10_000;
const RESULTS_FILE = new URL('results/crisis-speed.json', import.meta.url);
const DAY = 86_400_000;
/** A Monday, 00:00 UTC. */
const START = Date.UTC(2026, 0, 5);

const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const cpuMicroseconds = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const random = seededRandom(2026);
const rates = Array.from({ length: TOPICS }, () => Math.round(30 * 20 ** random()));
const streams = rates.map((meanPerHour, topic) =>
  syntheticMentions({ seed: 10_000 + topic, start: START, days: DAYS, meanPerHour, growthPerDay: 0.005, burstsPerDay: 3, triggerMentionsPerDay: 2 }),
);
const pending: (CrisisMention | undefined)[] = streams.map((stream) => stream.next().value);

/** One day of all topics' mentions, in time order, each with its topic's index. */
function nextDay(dayEnd: number): { topic: number; mention: CrisisMention }[] {
  const day: { topic: number; mention: CrisisMention }[] = [];
  for (let topic = 0; topic < TOPICS; topic++) {
    while (pending[topic] && pending[topic]!.at < dayEnd) {
      day.push({ topic, mention: pending[topic]! });
      pending[topic] = streams[topic]!.next().value;
    }
  }
  return day.sort((a, b) => a.mention.at - b.mention.at);
}

/** Heap in use after a garbage collection, in MB (null without --expose-gc). */
const heapAfterGc = () => {
  if (!globalThis.gc) return null;
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1e6;
};
// Before the detectors exist: what the imports hold (the whole crisis module and its database layer) is not theirs.
const heapBefore = heapAfterGc();
const matcher = new TriggerWordMatcher(resolveDetectorSettings().triggerWords.words);
const detectors = rates.map((_, topic) => new TopicDetector({ organizationId: 'bench', topicId: `topic-${topic}`, triggerWordMatcher: matcher }));

const loadBefore = loadAverages();
log(`${TOPICS} topics, ${rates.reduce((sum, rate) => sum + rate, 0)} mentions an hour in all (${Math.min(...rates)} to ${Math.max(...rates)} per topic), ${DAYS} days`);
const days: { day: number; mentions: number; alerts: number; cpuSeconds: number; wallSeconds: number }[] = [];
const alertsByDetector: Record<string, number> = {};
const count = (alerts: readonly CrisisAlert[]) => {
  for (const alert of alerts) alertsByDetector[alert.detector] = (alertsByDetector[alert.detector] ?? 0) + 1;
  return alerts.length;
};
let nextTick = START + TICK_MS;
/** Feeds one day of mentions; they are released when it returns, so the heap measured at the end holds the detectors, not a day of input. */
function feedDay(day: number): void {
  const mentions = nextDay(START + (day + 1) * DAY);
  let alerts = 0;
  const cpuStarted = cpuMicroseconds();
  const wallStarted = performance.now();
  for (const { topic, mention } of mentions) {
    while (mention.at >= nextTick) {
      for (const detector of detectors) alerts += count(detector.advanceTo(nextTick));
      nextTick += TICK_MS;
    }
    alerts += count(detectors[topic]!.observe(mention));
  }
  const cpuSeconds = (cpuMicroseconds() - cpuStarted) / 1e6;
  const wallSeconds = (performance.now() - wallStarted) / 1000;
  days.push({ day: day + 1, mentions: mentions.length, alerts, cpuSeconds: round(cpuSeconds, 3), wallSeconds: round(wallSeconds, 3) });
  log(`day ${day + 1}: ${mentions.length} mentions in ${cpuSeconds.toFixed(2)} CPU s (${Math.round(mentions.length / cpuSeconds)} mentions/s), ${alerts} alerts`);
}
for (let day = 0; day < DAYS; day++) feedDay(day);

const rateOf = (selected: typeof days) => {
  const mentions = selected.reduce((sum, day) => sum + day.mentions, 0);
  const cpu = selected.reduce((sum, day) => sum + day.cpuSeconds, 0);
  const wall = selected.reduce((sum, day) => sum + day.wallSeconds, 0);
  return { mentions, cpuSeconds: round(cpu, 2), mentionsPerCpuSecond: Math.round(mentions / cpu), mentionsPerWallSecond: Math.round(mentions / wall) };
};
const heapAfter = heapAfterGc();
const snapshotSizes = detectors.map((detector) => JSON.stringify(detector.toJSON()).length).sort((a, b) => a - b);
const all = rateOf(days);
const afterWarmUp = rateOf(days.slice(WARM_UP_DAYS));
const results = {
  benchmark: 'crisis detectors: mentions per second through all detectors of 100 topics, one core',
  generatedAt: new Date().toISOString(),
  machine: describeMachine(loadBefore),
  targetMentionsPerSecond: TARGET_MENTIONS_PER_SECOND,
  topics: TOPICS,
  days: DAYS,
  mentionsPerHourByTopic: { min: Math.min(...rates), max: Math.max(...rates), total: rates.reduce((sum, rate) => sum + rate, 0) },
  clockTickSeconds: TICK_MS / 1000,
  all,
  afterWarmUp: DAYS > WARM_UP_DAYS ? afterWarmUp : null,
  targetMet: Math.min(all.mentionsPerCpuSecond, DAYS > WARM_UP_DAYS ? afterWarmUp.mentionsPerCpuSecond : Infinity) >= TARGET_MENTIONS_PER_SECOND,
  alerts: days.reduce((sum, day) => sum + day.alerts, 0),
  alertsByDetector,
  snapshotBytesPerTopic: { median: snapshotSizes[TOPICS >> 1], max: snapshotSizes.at(-1) },
  detectorsHeapMegabytes: heapBefore === null || heapAfter === null ? null : round(heapAfter - heapBefore),
  byDay: days,
};
mkdirSync(new URL('.', RESULTS_FILE), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
log(`all: ${all.mentionsPerCpuSecond} mentions/CPU s; after warm-up: ${afterWarmUp.mentionsPerCpuSecond}; target ${TARGET_MENTIONS_PER_SECOND}: ${results.targetMet ? 'met' : 'not met'}`);
log(`alerts by detector: ${JSON.stringify(alertsByDetector)}`);
log(`snapshot per topic: median ${results.snapshotBytesPerTopic.median} bytes, max ${results.snapshotBytesPerTopic.max}; the detectors' heap ${results.detectorsHeapMegabytes ?? '(run with --expose-gc)'} MB`);
