// Evaluation of the crisis detectors (src/modules/crisis/detectors) against the crisis
// issue's target: spikes of 3× the baseline detected within 10 minutes at median, with
// fewer than one false alarm per simulated week.
//
// (b) Synthetic streams (synthetic-mention-stream.ts, fixed seeds): six weeks each, with
//     daily and weekly seasonality, growth of 0.5% a day, 10-minute noise and bursts, at
//     30, 120 and 600 mentions an hour. After the first week (the volume detector's
//     warm-up) a spike starts about every 2.5 days at a random minute of the day and lasts
//     two hours, 2×, 3× or 5× the normal rate (one size per stream). Each stream goes
//     through the topic detectors at low, medium and high sensitivity, and through a simple
//     fixed-threshold detector ("more than T mentions in 10 minutes", T twice or three
//     times the first week's average 10-minute count) with the same cool-down and warm-up.
//     A spike is detected by the first volume alert within its two hours; the delay runs
//     from its first minute to the end of the minute that raised the alert. An alert
//     elsewhere, outside a spike and the three hours after it, is a false alarm; the time
//     counted for the rate of false alarms leaves those windows out.
// (a) The real airline tweets (Twitter US Airline Sentiment, February 2015) from
//     ../shared/eval-data/airline, replayed per airline by their timestamps: when the
//     detectors fire, around the weather cancellations of 21–22 February, and whether the
//     start of American Airlines' collection on 22 February is called a crisis. Without the
//     folder this part is skipped, and the results say so.
//
// Writes bench/results/crisis.json and the "Crisis detectors" section of docs/evaluation.md
// (the rest of that page is left as it is).
//
//   npm run eval:crisis
//   EVAL_STREAMS=2 npm run eval:crisis               # fewer streams per cell, for a quicker run
//   CRISIS_EVAL_DATA=dir CRISIS_EVAL_OUTPUT=out npm run eval:crisis   # other data, outputs elsewhere
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { resolveDetectorSettings, sensitivities, TopicDetector, type CrisisAlert, type CrisisDetectorSettingsInput, type CrisisMention, type Sensitivity } from '../src/modules/crisis/index.ts';
import { AlertGate } from '../src/modules/crisis/detectors/alert-gate.ts';
import { seededRandom } from '../src/seeded-random.ts';
import { syntheticMentions, type InjectedSpike } from '../src/modules/crisis/detectors/synthetic-mention-stream.ts';
import { describeMachine, loadAverages } from './machine.ts';
import { withEvaluationPart } from './evaluation-page.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = resolve(process.env.CRISIS_EVAL_DATA ?? join(REPO_ROOT, '../shared/eval-data/airline'));
const OUTPUT_DIR = process.env.CRISIS_EVAL_OUTPUT ? resolve(process.env.CRISIS_EVAL_OUTPUT) : null;
const RESULTS_FILE = OUTPUT_DIR ? join(OUTPUT_DIR, 'crisis.json') : join(REPO_ROOT, 'bench/results/crisis.json');
const DOC_FILE = OUTPUT_DIR ? join(OUTPUT_DIR, 'evaluation.md') : join(REPO_ROOT, 'docs/evaluation.md');
const STREAMS = Number(process.env.EVAL_STREAMS ?? 6);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC. */
const START = Date.UTC(2026, 0, 5);
const DAYS = 42;
const WARM_UP_DAYS = 7;
const RATES = [30, 120, 600];
const SPIKE_SIZES = [2, 3, 5];
const SPIKE_MINUTES = 120;
/** Alerts this long after a spike ends still belong to it. */
const AFTER_SPIKE_MINUTES = 180;
const FIXED_THRESHOLD_FACTORS = [2, 3];
const TARGET = { spikeSize: 3, maxMedianDelaySeconds: 600, maxFalseAlarmsPerWeek: 1 };
const STREAM_SHAPE = { growthPerDay: 0.005, noise: 0.15, burstsPerDay: 3 };

const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- the fixed-threshold baseline

/**
 * What many tools offer: alert when the last 10 minutes hold more than T mentions. T is
 * set once, when the warm-up week ends, to a multiple of that week's average 10-minute
 * count; the cool-down is the volume detector's.
 */
class FixedThresholdDetector {
  private readonly recent = new Array<number>(10).fill(0);
  private openMinute: number | null = null;
  private minuteCount = 0;
  private warmUpCount = 0;
  private threshold: number | null = null;
  private readonly gate = new AlertGate(resolveDetectorSettings().volume.cooldownMinutes * MINUTE);

  constructor(
    readonly factor: number,
    private readonly startedAt: number,
  ) {}

  /** Counts a mention; the times of the alerts raised by the minutes it closed. */
  observe(at: number): number[] {
    const minute = Math.floor(at / MINUTE);
    this.openMinute ??= minute;
    const alerts: number[] = [];
    for (; this.openMinute < minute; this.openMinute++) {
      const end = (this.openMinute + 1) * MINUTE;
      this.recent[this.openMinute % 10] = this.minuteCount;
      this.minuteCount = 0;
      if (end - this.startedAt <= WARM_UP_DAYS * DAY) continue;
      this.threshold ??= (this.factor * this.warmUpCount) / (WARM_UP_DAYS * 24 * 6);
      const lastTen = this.recent.reduce((sum, count) => sum + count, 0);
      if (this.gate.consider(end, lastTen > this.threshold, true)) alerts.push(end);
    }
    this.minuteCount++;
    if (at - this.startedAt < WARM_UP_DAYS * DAY) this.warmUpCount++;
    return alerts;
  }
}

// ---------------------------------------------------------------- (b) synthetic streams

interface SpikeOutcome {
  /** Seconds from the spike's start to its first alert, or null when none came within the spike. */
  delaySeconds: number | null;
  /** An earlier event was still going on when the spike began (its alert stands for this one too). */
  alreadyAlerting: boolean;
}

interface StreamOutcome {
  spikes: SpikeOutcome[];
  falseAlarms: number;
  falseAlarmTimes: number[];
  /** Alerts of the other detectors, by detector, anywhere in the stream after the warm-up. */
  otherAlerts: Record<string, number>;
}

/** Spikes from day 8, about every 2.5 days, each starting at a random minute of its day. */
function spikesFor(seed: number, multiplier: number): InjectedSpike[] {
  const random = seededRandom(seed * 7_919);
  const spikes: InjectedSpike[] = [];
  for (let day = WARM_UP_DAYS + 1; day + 1 < DAYS; day += 2.5) {
    const start = START + Math.floor(day) * DAY + Math.floor(random() * 24 * 60) * MINUTE;
    spikes.push({ start, minutes: SPIKE_MINUTES, multiplier });
  }
  return spikes;
}

const spikeOf = (spikes: InjectedSpike[], at: number) => spikes.findIndex((spike) => at > spike.start && at <= spike.start + spike.minutes * MINUTE);
const nearSpike = (spikes: InjectedSpike[], at: number) => spikes.some((spike) => at > spike.start && at <= spike.start + (spike.minutes + AFTER_SPIKE_MINUTES) * MINUTE);

/** Weeks of the stream after the warm-up, outside the spikes and the hours after them. */
function exposedWeeks(spikes: InjectedSpike[]): number {
  const excluded = spikes.reduce((sum, spike) => sum + Math.min(spike.minutes + AFTER_SPIKE_MINUTES, (START + DAYS * DAY - spike.start) / MINUTE), 0);
  return ((DAYS - WARM_UP_DAYS) * 24 * 60 - excluded) / (7 * 24 * 60);
}

class OutcomeRecorder {
  private readonly firstAlert: (number | null)[];
  private readonly alreadyAlerting: boolean[];
  private readonly falseAlarmTimes: number[] = [];
  private readonly otherAlerts: Record<string, number> = {};

  constructor(private readonly spikes: InjectedSpike[]) {
    this.firstAlert = spikes.map(() => null);
    this.alreadyAlerting = spikes.map(() => false);
  }

  volumeAlert(at: number): void {
    const spike = spikeOf(this.spikes, at);
    if (spike >= 0) this.firstAlert[spike] ??= at;
    else if (!nearSpike(this.spikes, at)) this.falseAlarmTimes.push(at);
  }

  otherAlert(alert: CrisisAlert): void {
    if (alert.at - START >= WARM_UP_DAYS * DAY) this.otherAlerts[alert.detector] = (this.otherAlerts[alert.detector] ?? 0) + 1;
  }

  /** Marks the spike starting now as covered by an event that began before it. */
  spikeStarts(index: number, eventGoingOn: boolean): void {
    this.alreadyAlerting[index] = eventGoingOn;
  }

  outcome(): StreamOutcome {
    return {
      spikes: this.spikes.map((spike, index) => ({
        delaySeconds: this.firstAlert[index] == null ? null : (this.firstAlert[index]! - spike.start) / 1000,
        alreadyAlerting: this.alreadyAlerting[index]!,
      })),
      falseAlarms: this.falseAlarmTimes.length,
      falseAlarmTimes: this.falseAlarmTimes,
      otherAlerts: this.otherAlerts,
    };
  }
}

const allAt = (sensitivity: Sensitivity): CrisisDetectorSettingsInput => ({
  volume: { sensitivity },
  negativity: { sensitivity },
  category: { sensitivity },
  triggerWords: { sensitivity },
  highReach: { sensitivity },
});

/** Runs one stream through every detector under evaluation; outcomes by detector name. */
function evaluateStream(rate: number, size: number, seed: number): Map<string, StreamOutcome> {
  const spikes = spikesFor(seed, size);
  const topics = sensitivities.map((sensitivity) => ({
    name: `volume, ${sensitivity} sensitivity`,
    detector: new TopicDetector({ organizationId: 'eval', topicId: `${rate}-${size}-${seed}`, settings: allAt(sensitivity) }),
    recorder: new OutcomeRecorder(spikes),
  }));
  const fixed = FIXED_THRESHOLD_FACTORS.map((factor) => ({
    name: `fixed threshold, ${factor}× the average`,
    detector: new FixedThresholdDetector(factor, START),
    recorder: new OutcomeRecorder(spikes),
  }));
  let nextSpike = 0;
  for (const mention of syntheticMentions({ seed, start: START, days: DAYS, meanPerHour: rate, ...STREAM_SHAPE, spikes })) {
    if (nextSpike < spikes.length && mention.at >= spikes[nextSpike]!.start) {
      const spikeStart = spikes[nextSpike]!.start;
      for (const { detector, recorder } of topics) {
        detector.advanceTo(spikeStart);
        recorder.spikeStarts(nextSpike, detector.level().activeEvents.some((event) => event.detector === 'volume'));
      }
      nextSpike++;
    }
    for (const { detector, recorder } of topics) {
      for (const alert of detector.observe(mention)) {
        if (alert.detector === 'volume') recorder.volumeAlert(alert.at);
        else recorder.otherAlert(alert);
      }
    }
    for (const { detector, recorder } of fixed) for (const at of detector.observe(mention.at)) recorder.volumeAlert(at);
  }
  return new Map([...topics, ...fixed].map(({ name, recorder }) => [name, recorder.outcome()]));
}

interface SpikeSummary {
  spikes: number;
  detected: number;
  /** Covered by an alert raised before the spike began (an earlier event, usually a false alarm). */
  alreadyAlerting: number;
  missed: number;
  /** Over all spikes, an undetected one counting as never: null when the median spike was not detected. */
  medianDelaySeconds: number | null;
  p90DelaySeconds: number | null;
}

interface SyntheticResult {
  mentionsPerHour: number;
  detector: string;
  bySpikeSize: Record<string, SpikeSummary>;
  falseAlarms: number;
  weeks: number;
  falseAlarmsPerWeek: number;
  otherAlertsPerWeek: Record<string, number>;
}

/** Nearest-rank percentile of sorted values; null when it falls on an Infinity (a spike never detected). */
function percentile(sorted: number[], fraction: number): number | null {
  const value = sorted.length === 0 ? Infinity : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  return Number.isFinite(value) ? value : null;
}

function summarizeSpikes(outcomes: SpikeOutcome[]): SpikeSummary {
  // A spike not detected counts as detected never, so a detector cannot look fast by missing the hard ones.
  const delays = outcomes.map((outcome) => outcome.delaySeconds ?? Infinity).sort((a, b) => a - b);
  const detected = delays.filter(Number.isFinite).length;
  const alreadyAlerting = outcomes.filter((outcome) => outcome.delaySeconds === null && outcome.alreadyAlerting).length;
  return {
    spikes: outcomes.length,
    detected,
    alreadyAlerting,
    missed: outcomes.length - detected - alreadyAlerting,
    medianDelaySeconds: percentile(delays, 0.5),
    p90DelaySeconds: percentile(delays, 0.9),
  };
}

function evaluateSynthetic(): SyntheticResult[] {
  const results: SyntheticResult[] = [];
  for (const rate of RATES) {
    const byDetector = new Map<string, { bySize: Map<number, SpikeOutcome[]>; falseAlarms: number; weeks: number; other: Record<string, number> }>();
    const emptyEntry = () => ({ bySize: new Map<number, SpikeOutcome[]>(), falseAlarms: 0, weeks: 0, other: {} as Record<string, number> });
    for (const size of SPIKE_SIZES) {
      for (let stream = 0; stream < STREAMS; stream++) {
        const seed = rate * 1_000 + size * 100 + stream;
        const started = performance.now();
        const outcomes = evaluateStream(rate, size, seed);
        const weeks = exposedWeeks(spikesFor(seed, size));
        for (const [name, outcome] of outcomes) {
          const entry = byDetector.get(name) ?? emptyEntry();
          entry.bySize.set(size, [...(entry.bySize.get(size) ?? []), ...outcome.spikes]);
          entry.falseAlarms += outcome.falseAlarms;
          entry.weeks += weeks;
          for (const [detector, count] of Object.entries(outcome.otherAlerts)) entry.other[detector] = (entry.other[detector] ?? 0) + count;
          byDetector.set(name, entry);
        }
        log(`  ${rate}/h, ${size}× spikes, stream ${stream + 1}/${STREAMS}: ${Math.round(performance.now() - started)} ms`);
      }
    }
    for (const [detector, entry] of byDetector) {
      const afterWarmUpWeeks = (SPIKE_SIZES.length * STREAMS * (DAYS - WARM_UP_DAYS)) / 7;
      results.push({
        mentionsPerHour: rate,
        detector,
        bySpikeSize: Object.fromEntries(SPIKE_SIZES.map((size) => [`${size}x`, summarizeSpikes(entry.bySize.get(size) ?? [])])),
        falseAlarms: entry.falseAlarms,
        weeks: round(entry.weeks, 1),
        falseAlarmsPerWeek: round(entry.falseAlarms / entry.weeks),
        otherAlertsPerWeek: Object.fromEntries(Object.entries(entry.other).map(([name, count]) => [name, round(count / afterWarmUpWeeks)])),
      });
    }
  }
  return results;
}

// ---------------------------------------------------------------- (a) the airline tweets

/** Settings for the replay: the data set covers about eight days, so the volume detector warms up over 48 heard hours instead of 168. */
const AIRLINE_SETTINGS: CrisisDetectorSettingsInput = { volume: { warmUpHours: 48 } };
const PACIFIC = '-08:00';
const WEATHER_DAYS = { start: Date.parse(`2015-02-21T00:00:00${PACIFIC}`), end: Date.parse(`2015-02-23T00:00:00${PACIFIC}`) };
const AMERICAN_COLLECTION_DAY = Date.parse(`2015-02-22T00:00:00${PACIFIC}`);

/** The first CSV under `folder` whose header has the airline data set's columns. */
function findAirlineCsv(folder: string, depth = 4): string | null {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.csv')) {
      const header = readFileSync(path, 'utf8').slice(0, 2_000).split('\n')[0]!.toLowerCase();
      if (header.includes('tweet_created') && header.includes('airline_sentiment') && header.includes('airline')) return path;
    }
  }
  if (depth === 0) return null;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      const found = findAirlineCsv(join(folder, entry.name), depth - 1);
      if (found) return found;
    }
  }
  return null;
}

/** "2015-02-24 11:35:52 -0800" (the data set's form) or any form Date.parse reads. */
function parseTweetTime(value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(value.trim());
  return match ? Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`) : Date.parse(value);
}

/** The first paragraph of PROVENANCE.md beside the data, for a copy that says where it came from. */
function provenanceOf(folder: string): string | null {
  const path = join(folder, 'PROVENANCE.md');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').replace(/^#.*\n/gm, '').trim().split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
}

interface AirlineAlert {
  at: string;
  detector: string;
  subject: string | null;
  summary: string;
}

const describeAlert = (alert: CrisisAlert): AirlineAlert => ({ at: new Date(alert.at).toISOString(), detector: alert.detector, subject: alert.subject, summary: alert.summary });

const HALF_HOUR = 30 * MINUTE;
/** The complaint reason of the weather cancellations. */
const CANCELLED_FLIGHT = 'Cancelled Flight';

/** The most of these mentions (in time order) in any half hour, and from when: what the windowed detectors' minimum volumes are measured against. */
function busiestHalfHour(mentions: CrisisMention[]): { mentions: number; from: string | null } {
  let busiest = { mentions: 0, from: null as string | null };
  for (let first = 0, last = 0; last < mentions.length; last++) {
    while (mentions[last]!.at - mentions[first]!.at >= HALF_HOUR) first++;
    if (last - first + 1 > busiest.mentions) busiest = { mentions: last - first + 1, from: new Date(mentions[first]!.at).toISOString() };
  }
  return busiest;
}

function replayAirlines(csvPath: string) {
  const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const byAirline = new Map<string, CrisisMention[]>();
  let unreadable = 0;
  for (const row of rows) {
    const at = parseTweetTime(row.tweet_created ?? '');
    const sentiment = row.airline_sentiment;
    if (!row.airline || !Number.isFinite(at) || (sentiment !== 'negative' && sentiment !== 'neutral' && sentiment !== 'positive')) {
      unreadable++;
      continue;
    }
    const mentions = byAirline.get(row.airline) ?? [];
    mentions.push({ id: row.tweet_id ?? `row-${mentions.length}`, at, sentiment, category: row.negativereason || null, authorHandle: row.name ? `@${row.name}` : null, authorFollowers: null, text: row.text ?? '' });
    byAirline.set(row.airline, mentions);
  }
  const airlines = [...byAirline].map(([airline, mentions]) => {
    mentions.sort((a, b) => a.at - b.at);
    const replay = (settings: CrisisDetectorSettingsInput) => {
      const detector = new TopicDetector({ organizationId: 'airlines', topicId: airline, settings });
      return mentions.flatMap((mention) => [...detector.observe(mention)]);
    };
    const alerts = replay(AIRLINE_SETTINGS);
    const perDay: Record<string, number> = {};
    for (const mention of mentions) {
      const day = new Date(mention.at - 8 * HOUR).toISOString().slice(0, 10);
      perDay[day] = (perDay[day] ?? 0) + 1;
    }
    return {
      airline,
      tweets: mentions.length,
      first: new Date(mentions[0]!.at).toISOString(),
      last: new Date(mentions.at(-1)!.at).toISOString(),
      tweetsPerPacificDay: perDay,
      busiestHalfHour: {
        all: busiestHalfHour(mentions),
        negative: busiestHalfHour(mentions.filter((mention) => mention.sentiment === 'negative')),
        cancelledFlight: busiestHalfHour(mentions.filter((mention) => mention.category === CANCELLED_FLIGHT)),
      },
      negativeShare: round(mentions.filter((mention) => mention.sentiment === 'negative').length / mentions.length, 2),
      alerts: alerts.map(describeAlert),
      alertsAtDefaultSettings: replay({}).map(describeAlert),
      alertsOn21And22February: alerts.filter((alert) => alert.at >= WEATHER_DAYS.start && alert.at < WEATHER_DAYS.end).map(describeAlert),
      mentions,
      alertsRaw: alerts,
    };
  });
  const american = airlines.find((entry) => /american/i.test(entry.airline));
  let americanCollectionStart = null;
  if (american) {
    const start = american.mentions.find((mention) => mention.at >= AMERICAN_COLLECTION_DAY)?.at ?? american.mentions[0]!.at;
    const firstDay = american.alertsRaw.filter((alert) => alert.at >= start - HOUR && alert.at < start + DAY);
    americanCollectionStart = {
      firstTweetOnOrAfter22February: new Date(start).toISOString(),
      tweetsBefore: american.mentions.filter((mention) => mention.at < start).length,
      alertsWithin24Hours: firstDay.map(describeAlert),
      calledACrisis: firstDay.some((alert) => alert.detector === 'volume' || alert.detector === 'negativity'),
    };
  }
  return {
    ranAt: new Date().toISOString(),
    file: relative(REPO_ROOT, csvPath),
    provenance: provenanceOf(dirname(csvPath)),
    tweets: rows.length,
    unreadableRows: unreadable,
    settings: AIRLINE_SETTINGS,
    airlines: airlines.map(({ mentions: _mentions, alertsRaw: _alertsRaw, ...rest }) => rest),
    americanCollectionStart,
  };
}

type AirlineReplay = ReturnType<typeof replayAirlines>;
type AirlineResult = { skipped: string } | AirlineReplay | (AirlineReplay & { carriedOver: { reason: string } });

function evaluateAirlines(): AirlineResult {
  if (!existsSync(DATA_DIR) || !statSync(DATA_DIR).isDirectory()) {
    return lastReplayOr(`the airline tweets are not on this machine: ${DATA_DIR} does not exist (set CRISIS_EVAL_DATA to another folder); the replay runs when they are there`);
  }
  const csv = findAirlineCsv(DATA_DIR);
  if (!csv) return lastReplayOr(`no CSV with the columns tweet_created, airline_sentiment and airline under ${DATA_DIR}`);
  return replayAirlines(csv);
}

/** Without the data, the last replay recorded stays in the results, marked as such, rather than being wiped. */
function lastReplayOr(skipped: string): AirlineResult {
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { airline?: AirlineResult }).airline : undefined;
  if (!previous || 'skipped' in previous) return { skipped };
  return { ...previous, carriedOver: { reason: skipped } };
}

// ---------------------------------------------------------------- writing it down

interface TargetVerdict {
  detector: string;
  mentionsPerHour: number;
  medianDelaySeconds: number | null;
  falseAlarmsPerWeek: number;
  met: boolean;
}

function targetVerdicts(results: SyntheticResult[]): TargetVerdict[] {
  return results.map((result) => {
    const median = result.bySpikeSize[`${TARGET.spikeSize}x`]!.medianDelaySeconds;
    return {
      detector: result.detector,
      mentionsPerHour: result.mentionsPerHour,
      medianDelaySeconds: median,
      falseAlarmsPerWeek: result.falseAlarmsPerWeek,
      met: median !== null && median <= TARGET.maxMedianDelaySeconds && result.falseAlarmsPerWeek < TARGET.maxFalseAlarmsPerWeek,
    };
  });
}

/** What the replay's table says, as facts computed from it (a rerun on other data states its own). */
function readingTheReplay(airline: AirlineReplay): string[] {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const shares = airline.airlines.map((entry) => entry.negativeShare);
  const count = (detector: string) => airline.airlines.reduce((total, entry) => total + entry.alerts.filter((alert) => alert.detector === detector).length, 0);
  const onWeatherDays = airline.airlines.filter((entry) => entry.alertsOn21And22February.length > 0).map((entry) => entry.airline);
  const cancellationsEnough = airline.airlines.filter((entry) => entry.busiestHalfHour.cancelledFlight.mentions >= 10).map((entry) => entry.airline);
  const atDefaults = airline.airlines.flatMap((entry) => entry.alertsAtDefaultSettings.map((alert) => `${entry.airline} ${pacific(alert.at)} ${alert.detector}`));
  return [
    `- Alerts on 21–22 February: ${onWeatherDays.length} of ${airline.airlines.length} airlines (${onWeatherDays.join(', ') || 'none'}).`,
    `- Negativity alerts: ${count('negativity')}. The detector compares the share of negative mentions with its baseline, and these airlines' shares run ${percent(Math.min(...shares))} to ${percent(Math.max(...shares))} over the whole week: the higher the usual share, the less room it has to rise, and a crisis shows as volume instead.`,
    `- Category alerts: ${count('category')}. The data set is a labelled sample of a few hundred tweets per airline a day; "${CANCELLED_FLIGHT}" reaches the category detector's 10 in half an hour for ${cancellationsEnough.length === 0 ? 'no airline' : cancellationsEnough.join(', ')} (last column).`,
    `- At the default settings (volume warms up over 168 heard hours, negativity and category over 48) the replay raises ${atDefaults.length === 0 ? 'nothing' : atDefaults.join('; ')}: the data's eight days barely warm a topic up.`,
  ];
}

/** "02-22 06:30": an ISO time in Pacific Standard Time, as the airline data set gives its times. */
const pacific = (iso: string) => new Date(Date.parse(iso) - 8 * HOUR).toISOString().slice(5, 16).replace('T', ' ');

const minutesText = (seconds: number | null) => (seconds === null ? 'missed' : `${round(seconds / 60, 1)}`);

function renderSection(results: Awaited<ReturnType<typeof evaluate>>): string {
  const { synthetic, airline } = results;
  const rows = synthetic.results.map((result) => {
    const cells = SPIKE_SIZES.map((size) => {
      const summary = result.bySpikeSize[`${size}x`]!;
      return `${minutesText(summary.medianDelaySeconds)} / ${minutesText(summary.p90DelaySeconds)} (${summary.detected}/${summary.spikes})`;
    });
    return `| ${result.mentionsPerHour} | ${result.detector} | ${cells.join(' | ')} | ${result.falseAlarmsPerWeek} |`;
  });
  const met = synthetic.targets.filter((verdict) => verdict.met);
  const medium = synthetic.targets.filter((verdict) => verdict.detector === 'volume, medium sensitivity');
  const spikesOf = (verdict: TargetVerdict) => synthetic.results.find((result) => result.detector === verdict.detector && result.mentionsPerHour === verdict.mentionsPerHour)!.bySpikeSize[`${TARGET.spikeSize}x`]!;
  const otherKinds = ['negativity', 'category', 'trigger-word', 'high-reach'];
  const otherRows = synthetic.results
    .filter((result) => result.detector.startsWith('volume'))
    .map((result) => `| ${result.mentionsPerHour} | ${result.detector.replace('volume, ', '').replace(' sensitivity', '')} | ${otherKinds.map((kind) => result.otherAlertsPerWeek[kind] ?? 0).join(' | ')} |`);
  const airlineText = 'skipped' in airline
    ? [`**Skipped**: ${airline.skipped}. The replay feeds each airline's tweets to its own topic's detectors by their timestamps (the volume detector's warm-up shortened to 48 heard hours, since the data covers about eight days) and reports every alert, those on 21–22 February, and any in the first 24 hours of American Airlines' collection.`]
    : [
        ...('carriedOver' in airline ? [`**Not run this time** (${airline.carriedOver.reason}). The last replay, run on ${airline.ranAt.slice(0, 10)} with the detectors as they were then:`, ''] : []),
        `Replayed ${airline.tweets} tweets from \`${airline.file}\` per airline (volume warm-up 48 heard hours: the data covers about eight days; no follower counts, so the high-reach detector cannot fire).${airline.provenance ? ` About this copy: ${airline.provenance}` : ''}`,
        '',
        'Times are Pacific (the data set\'s own), alerts on 21–22 February in bold. The busiest half hour is what the windowed detectors\' minimum volumes are measured against (at medium: 20 negative mentions for negativity, 10 of one category for a category surge).',
        '',
        '| airline | tweets | heard from | alerts (Pacific time, detector) | busiest half hour: all / negative | Cancelled Flight: busiest half hour |',
        '| --- | ---: | --- | --- | --- | --- |',
        ...airline.airlines.map((entry) => {
          const alerts = entry.alerts.map((alert) => {
            const text = `${pacific(alert.at)} ${alert.detector}${alert.subject ? ` (${alert.subject})` : ''}`;
            const onWeatherDays = Date.parse(alert.at) >= WEATHER_DAYS.start && Date.parse(alert.at) < WEATHER_DAYS.end;
            return onWeatherDays ? `**${text}**` : text;
          });
          const { all, negative, cancelledFlight } = entry.busiestHalfHour;
          return `| ${entry.airline} | ${entry.tweets} | ${pacific(entry.first)} to ${pacific(entry.last)} | ${alerts.join('; ') || 'none'} | ${all.mentions} / ${negative.mentions} | ${cancelledFlight.mentions}${cancelledFlight.from ? ` from ${pacific(cancelledFlight.from)}` : ''} |`;
        }),
        '',
        airline.americanCollectionStart
          ? `American Airlines' collection starts ${pacific(airline.americanCollectionStart.firstTweetOnOrAfter22February)} Pacific (${airline.americanCollectionStart.tweetsBefore} tweets before): ${airline.americanCollectionStart.calledACrisis ? '**called a crisis** (a volume or negativity alert within 24 hours)' : 'not called a crisis'}; alerts within 24 hours: ${airline.americanCollectionStart.alertsWithin24Hours.length}.`
          : 'No American Airlines tweets were found.',
        '',
        ...readingTheReplay(airline),
      ];
  return [
    '## Crisis detectors',
    '',
    `Generated by \`npm run eval:crisis\` (bench/eval-crisis.ts) on ${results.generatedAt} in ${results.durationSeconds} s; raw numbers in \`bench/results/crisis.json\`. Load average ${results.machine.loadAverageBefore.join(', ')} before and ${results.machine.loadAverageAfter.join(', ')} after (only speed depends on it, not these results).`,
    '',
    '### Method',
    '',
    `Synthetic streams (\`src/modules/crisis/detectors/synthetic-mention-stream.ts\`, fixed seeds), ${DAYS} days each: a daily shape (nights at a tenth of the evening peak, a morning ramp), weekends a quarter quieter and two hours later, growth of ${STREAM_SHAPE.growthPerDay * 100}% a day, a 10-minute multiplicative noise (log standard deviation ${STREAM_SHAPE.noise}) and ${STREAM_SHAPE.burstsPerDay} bursts a day of 3 to about 15 mentions in a minute, so counts are wider than Poisson. After the first week (the volume detector's warm-up) a spike starts about every 2.5 days at a random minute of the day and lasts ${SPIKE_MINUTES} minutes at 2×, 3× or 5× the normal rate; ${STREAMS} streams per size and rate (${synthetic.method.spikesPerCell} spikes per cell). Every stream goes through the topic detectors at each sensitivity and through a fixed-threshold detector (alert when the last 10 minutes hold more than T mentions, T = 2× or 3× the warm-up week's average 10-minute count) with the same 60-minute cool-down. Delay: from the spike's first minute to the end of the minute whose count raised the alert. False alarm: a volume alert outside the spikes and the ${AFTER_SPIKE_MINUTES / 60} hours after each; the weeks counted leave those windows out. A spike that arrives while an earlier event (a false alarm) is still going on counts as not detected.`,
    '',
    '### Results',
    '',
    'Delay in minutes, median / 90th percentile over all spikes, a spike not detected within its two hours counting as never ("missed" when the percentile falls on one); in brackets the spikes detected of all; false alarms per simulated week.',
    '',
    '| mentions/hour | detector | 2× spikes | 3× spikes | 5× spikes | false alarms/week |',
    '| ---: | --- | --- | --- | --- | ---: |',
    ...rows,
    '',
    `**Target** (3× spikes within 10 minutes at median, under one false alarm a week): at the default (medium) sensitivity ${medium.map((verdict) => `${verdict.mentionsPerHour}/h ${verdict.met ? '**met**' : '**not met**'} (median ${minutesText(verdict.medianDelaySeconds)} min, ${verdict.falseAlarmsPerWeek} false alarms/week)`).join('; ')}. All settings that meet it, with the share of 3× spikes they detect at all: ${met.length === 0 ? 'none' : met.map((verdict) => `${verdict.detector} at ${verdict.mentionsPerHour}/h (${spikesOf(verdict).detected}/${spikesOf(verdict).spikes})`).join('; ')}. The median alone can be met by a detector that misses the quiet hours' spikes, as the fixed threshold shows: read the 90th percentile and the count beside it.`,
    '',
    'Alerts of the other detectors per simulated week after the first week, on the same streams. The spikes change volume only, so none of these is about a spike: they are the other detectors\' false alarms, except high-reach, which fires on every negative post by an author above its followers threshold (50,000 at medium, 10,000 at high; the streams\' followers are log-normal around 300, and a quarter of posts are negative), so its rate is a property of the audience.',
    '',
    '| mentions/hour | sensitivity | negativity | category | trigger words | high-reach |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...otherRows,
    '',
    '### The airline tweets (February 2015)',
    '',
    ...airlineText,
    '',
    '### Caveats',
    '',
    `- The streams are ours: their seasonality, noise and bursts are a model of a brand's mentions, not a recording. The false-alarm rates hold for streams as wide as these; real streams with news days, campaigns or viral threads will raise more alerts, some of them wanted. The airline replay is the real-data check${'skipped' in airline ? ', and it has not run yet' : ''}.`,
    '- The rate sets the delay: the evidence for a spike grows with the number of extra mentions, so at 30 mentions an hour (a few at night) no test can see a 3× spike within ten minutes without many false alarms. Nights dominate the 90th percentiles.',
    '- The fixed threshold is a strawman by design, but a common one: a threshold high enough to stay quiet at the evening peak misses spikes at night, and one low enough to catch them fires every evening (twice the average: about 20 false alarms a week, whose events then cover most spikes, which count as not detected).',
    '- Spikes are steps. A spike that ramps up over half an hour is caught later, when its excess has added up to the same evidence.',
    '- Hours are UTC: a change to or from daylight saving time shifts the audience\'s day by an hour against the learned week, which the factors relearn over about four weeks; until then that hour\'s forecasts are off at the morning ramp.',
    '',
  ].join('\n');
}

/** Replaces the "## Crisis detectors" section of the page (up to the next second-level heading), or appends it. */
async function evaluate() {
  const loadBefore = loadAverages();
  const started = performance.now();
  log('(a) airline tweets');
  const airline = evaluateAirlines();
  if ('skipped' in airline) log(`  skipped: ${airline.skipped}`);
  if ('carriedOver' in airline) log(`  not run (${airline.carriedOver.reason}); the last replay's results are kept`);
  log(`(b) synthetic streams: ${RATES.length} rates × ${SPIKE_SIZES.length} spike sizes × ${STREAMS} streams of ${DAYS} days`);
  const synthetic = evaluateSynthetic();
  return {
    evaluation: 'crisis detectors: detection delay and false alarms',
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine: describeMachine(loadBefore),
    target: TARGET,
    synthetic: {
      method: {
        days: DAYS,
        warmUpDays: WARM_UP_DAYS,
        mentionsPerHour: RATES,
        spikeSizes: SPIKE_SIZES,
        spikeMinutes: SPIKE_MINUTES,
        afterSpikeMinutes: AFTER_SPIKE_MINUTES,
        streamsPerCell: STREAMS,
        spikesPerCell: STREAMS * spikesFor(0, 1).length,
        stream: STREAM_SHAPE,
        fixedThresholdFactors: FIXED_THRESHOLD_FACTORS,
        delays: 'seconds from the spike\'s start to the end of the minute that raised the alert; medians and 90th percentiles over all spikes, a spike not detected within its two hours counting as never (null when the percentile falls on one)',
      },
      results: inReadingOrder(synthetic),
      targets: targetVerdicts(synthetic),
    },
    airline,
  };
}

/** Rows by rate, then the topic detectors by sensitivity (low, medium, high), then the fixed thresholds. */
function inReadingOrder(results: SyntheticResult[]): SyntheticResult[] {
  const rank = (detector: string) => {
    const index = sensitivities.findIndex((sensitivity) => detector === `volume, ${sensitivity} sensitivity`);
    return index === -1 ? 10 + FIXED_THRESHOLD_FACTORS.findIndex((factor) => detector.includes(`${factor}×`)) : index;
  };
  return [...results].sort((a, b) => a.mentionsPerHour - b.mentionsPerHour || rank(a.detector) - rank(b.detector));
}

async function main() {
  const results = await evaluate();
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const page = existsSync(DOC_FILE) ? readFileSync(DOC_FILE, 'utf8') : '# Evaluations\n';
  writeFileSync(DOC_FILE, withEvaluationPart(page, 'crisis', renderSection(results)));
  for (const verdict of results.synthetic.targets) {
    log(`${verdict.mentionsPerHour}/h ${verdict.detector}: 3× median ${minutesText(verdict.medianDelaySeconds)} min, ${verdict.falseAlarmsPerWeek} false alarms/week${verdict.met ? ' (target met)' : ''}`);
  }
  log(`Wrote ${relative(REPO_ROOT, RESULTS_FILE)} and the "Crisis detectors" section of ${relative(REPO_ROOT, DOC_FILE)}`);
}

await main();
