// A surge in the share of mentions with some property: negative sentiment (the
// negativity detector) or one category, e.g. cancellations (the category detector).
// In a sliding window, the share with the key is compared with its learned baseline
// share by the signed root of the binomial likelihood ratio (a z that stays honest in
// the tail and for small shares), divided by the square root of the key's learned
// overdispersion (pile-ons and threads make shares swing more than a binomial would).
// Significance alone is not enough on busy topics, where a trivial lift is
// "significant": the odds must also have risen by a factor (the effect size), and the
// window must hold the detector's minimum volume.
//
// Baselines are exponentially weighted hourly counts (half-life three days). While a
// key's event is going on its hours are not learned, so a crisis does not teach the
// baseline that crises are normal, for at most a day (a lasting change is then learned).
import { KeyedAlertGates, type AlertGateSnapshot } from './alert-gate.ts';
import { effectiveDispersion, nextDispersion, shareDeviation } from './count-statistics.ts';
import { formatTime, roundTo, type CrisisAlert } from './crisis-alert.ts';
import type { CrisisMention } from './crisis-mention.ts';
import { hours, minutes, type Sensitivity, type WindowedDetectorSettings } from './detector-settings.ts';
import { SlidingWindow, type SlidingWindowSnapshot } from './sliding-window.ts';
import type { TopicRef } from './topic-ref.ts';

/** Deviation threshold (standard deviations) and the least rise of the odds, by sensitivity. */
export const SHARE_SURGE_SENSITIVITY: Record<Sensitivity, { threshold: number; minOddsRatio: number }> = {
  high: { threshold: 3.5, minOddsRatio: 1.5 },
  medium: { threshold: 4.5, minOddsRatio: 2 },
  low: { threshold: 6, minOddsRatio: 3 },
};

const HALF_LIFE_HOURS = 72;
const HOURLY_DECAY = 2 ** (-1 / HALF_LIFE_HOURS);
/** A baseline share needs this many (weighted) mentions behind it before it is trusted. */
const MIN_BASELINE_MENTIONS = 100;
/** The prior share counts as this many mentions, so a key seen rarely is not taken for a share of 0. */
const PRIOR_MENTIONS = 20;
/** Weight of one hour in a key's dispersion: about a week's memory. */
const DISPERSION_WEIGHT = 1 / 168;
const MAX_DISPERSION = 10;
/** An event stops the learning of its key for at most this long. */
const MAX_FREEZE = hours(24);
const SAMPLE_SIZE = 5;
/** The window's key for mentions without one. */
const NO_KEY = '';

export interface ShareSurgeSpec {
  detector: 'negativity' | 'category';
  /** The key a mention counts for (e.g. its category), or null. */
  keyOf(mention: CrisisMention): string | null;
  /** Whether the minimum volume counts the whole window or only the key's mentions. */
  minVolumeCounts: 'window' | 'key';
  /** The baseline share before there is evidence. */
  priorShare: number;
  /** "negative mentions", "mentions in category "Cancelled Flight"". */
  describe(key: string): string;
}

interface KeyBaseline {
  count: number;
  total: number;
  dispersion: number;
}

export interface ShareSurgeSnapshot {
  window: SlidingWindowSnapshot;
  learnedTotal: number;
  baselines: Record<string, KeyBaseline>;
  hourCounts: Record<string, number>;
  hourTotal: number;
  gates: Record<string, AlertGateSnapshot>;
}

export class ShareSurgeDetector {
  private window = new SlidingWindow(SAMPLE_SIZE);
  private baselines = new Map<string, KeyBaseline>();
  /** All mentions learned, weighted as the keys' totals are: a key seen for the first time had a share of 0 in them. */
  private learnedTotal = 0;
  private hourCounts = new Map<string, number>();
  private hourTotal = 0;
  private gates: KeyedAlertGates;

  constructor(
    private readonly topic: TopicRef,
    private readonly spec: ShareSurgeSpec,
    private readonly settings: WindowedDetectorSettings,
  ) {
    this.gates = new KeyedAlertGates(minutes(settings.cooldownMinutes));
  }

  /** Counts one mention at `now`; an alert when it starts a surge event for its key. */
  observe(mention: CrisisMention, now: number, warmedUp: boolean): CrisisAlert | null {
    this.window.expire(now - minutes(this.settings.windowMinutes));
    const key = this.spec.keyOf(mention);
    this.window.push(now, key ?? NO_KEY, mention.id);
    this.hourTotal++;
    // A mention without the key can only lower the share: nothing to evaluate.
    if (key === null) return null;
    this.hourCounts.set(key, (this.hourCounts.get(key) ?? 0) + 1);
    return this.evaluate(key, now, warmedUp);
  }

  /** Learns the hour that ended at `now`. */
  closeHour(now: number): void {
    const total = this.hourTotal;
    for (const key of new Set([...this.baselines.keys(), ...this.hourCounts.keys()])) {
      const since = this.gates.activeSince(key, now);
      if (since !== null && now - since < MAX_FREEZE) continue;
      const baseline = this.baselineOf(key);
      const count = this.hourCounts.get(key) ?? 0;
      const share = this.baselineShare(baseline);
      const expected = total * share;
      if (baseline.total >= MIN_BASELINE_MENTIONS && expected >= 1) {
        baseline.dispersion = nextDispersion(baseline.dispersion, count, expected, expected * (1 - share), DISPERSION_WEIGHT);
      }
      baseline.count = HOURLY_DECAY * baseline.count + count;
      baseline.total = HOURLY_DECAY * baseline.total + total;
      this.baselines.set(key, baseline);
    }
    this.learnedTotal = HOURLY_DECAY * this.learnedTotal + total;
    this.hourCounts.clear();
    this.hourTotal = 0;
    this.gates.prune(now);
  }

  /** The share with `key` in the window now, and its baseline share. */
  level(key: string): { share: number | null; baselineShare: number } {
    return {
      share: this.window.size > 0 ? roundTo(this.window.count(key) / this.window.size, 3) : null,
      baselineShare: roundTo(this.baselineShare(this.baselineOf(key)), 3),
    };
  }

  /** The keys with an event going on, and since when. */
  activeEvents(now: number): { key: string; since: number }[] {
    return this.gates.activeEvents(now);
  }

  private evaluate(key: string, now: number, warmedUp: boolean): CrisisAlert | null {
    const baseline = this.baselineOf(key);
    const total = this.window.size;
    const count = this.window.count(key);
    const share = this.baselineShare(baseline);
    const dispersion = effectiveDispersion(baseline.dispersion, MAX_DISPERSION);
    const deviation = shareDeviation(count, total, share) / Math.sqrt(dispersion);
    const oddsRatio = odds(count / total) / odds(share);
    const { threshold, minOddsRatio } = SHARE_SURGE_SENSITIVITY[this.settings.sensitivity];
    const volume = this.spec.minVolumeCounts === 'window' ? total : count;
    const firing = baseline.total >= MIN_BASELINE_MENTIONS && volume >= this.settings.minVolume && deviation >= threshold && oddsRatio >= minOddsRatio;
    if (!this.gates.consider(key, now, firing, warmedUp && this.settings.enabled)) return null;
    return this.alert(key, now, { count, total, share, deviation, threshold, oddsRatio, dispersion });
  }

  /** The key's baseline; for a key not seen yet, none of the mentions learned so far had it. */
  private baselineOf(key: string): KeyBaseline {
    return this.baselines.get(key) ?? { count: 0, total: this.learnedTotal, dispersion: 1 };
  }

  private baselineShare(baseline: KeyBaseline): number {
    return (baseline.count + PRIOR_MENTIONS * this.spec.priorShare) / (baseline.total + PRIOR_MENTIONS);
  }

  private alert(key: string, now: number, found: { count: number; total: number; share: number; deviation: number; threshold: number; oddsRatio: number; dispersion: number }): CrisisAlert {
    const { count, total, share, deviation, threshold, oddsRatio, dispersion } = found;
    const start = now - minutes(this.settings.windowMinutes);
    const what = this.spec.describe(key);
    const percent = (value: number) => `${Math.round(value * 100)}%`;
    const odds = Number.isFinite(oddsRatio) ? `×${roundTo(oddsRatio, 1)}` : 'from none to all';
    return {
      ...this.topic,
      detector: this.spec.detector,
      subject: this.spec.detector === 'category' ? key : null,
      at: now,
      metric: `share of ${what}`,
      observed: roundTo(count / total, 3),
      baseline: roundTo(share, 3),
      window: { start, end: now },
      score: roundTo(deviation, 2),
      threshold,
      test: `binomial likelihood-ratio deviation of the share from its baseline, divided by the square root of the overdispersion ${roundTo(dispersion, 2)}; the odds must also rise ×${SHARE_SURGE_SENSITIVITY[this.settings.sensitivity].minOddsRatio}`,
      sensitivity: this.settings.sensitivity,
      sampleMentionIds: this.window.latestIds(key),
      summary: `${count} of ${total} mentions since ${formatTime(start, true)} were ${what} (${percent(count / total)}) against ${percent(share)} usually (odds ${odds}); deviation ${roundTo(deviation, 1)} ≥ ${threshold} (${this.settings.sensitivity} sensitivity).`,
    };
  }

  toJSON(): ShareSurgeSnapshot {
    return {
      window: this.window.toJSON(),
      learnedTotal: this.learnedTotal,
      baselines: Object.fromEntries([...this.baselines].map(([key, baseline]) => [key, { ...baseline }])),
      hourCounts: Object.fromEntries(this.hourCounts),
      hourTotal: this.hourTotal,
      gates: this.gates.toJSON(),
    };
  }

  static fromJSON(snapshot: ShareSurgeSnapshot, topic: TopicRef, spec: ShareSurgeSpec, settings: WindowedDetectorSettings): ShareSurgeDetector {
    const detector = new ShareSurgeDetector(topic, spec, settings);
    detector.window = SlidingWindow.fromJSON(snapshot.window, SAMPLE_SIZE);
    detector.learnedTotal = snapshot.learnedTotal;
    detector.baselines = new Map(Object.entries(snapshot.baselines).map(([key, baseline]) => [key, { ...baseline }]));
    detector.hourCounts = new Map(Object.entries(snapshot.hourCounts));
    detector.hourTotal = snapshot.hourTotal;
    detector.gates = KeyedAlertGates.fromJSON(snapshot.gates, minutes(settings.cooldownMinutes));
    return detector;
  }
}

const odds = (share: number) => share / (1 - share);

/** Negativity: the share of negative mentions; its minimum volume counts every mention in the window. */
export const negativitySpec: ShareSurgeSpec = {
  detector: 'negativity',
  keyOf: (mention) => (mention.sentiment === 'negative' ? 'negative' : null),
  minVolumeCounts: 'window',
  priorShare: 0.25,
  describe: () => 'negative mentions',
};

/** Category: the share of one category; its minimum volume counts that category's mentions. */
export const categorySpec: ShareSurgeSpec = {
  detector: 'category',
  keyOf: (mention) => mention.category || null,
  minVolumeCounts: 'key',
  priorShare: 0.02,
  describe: (key) => `mentions in category "${key}"`,
};
