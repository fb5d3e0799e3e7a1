// Volume spike: more mentions than the seasonal baseline expects for this minute of the
// week, judged by a one-sided Poisson CUSUM (Page's cumulative sum of log-likelihood
// ratios). Each closed minute adds
//     (count · ln 2 − expected) / φ,
// the log of how much likelier the minute's count is if the rate had doubled than if
// it is the baseline's, scaled down by the stream's overdispersion φ (a quasi-Poisson
// likelihood). The sum is floored at 0, so it forgets quiet times, and it fires at a
// threshold h: the evidence for "the rate doubled since the sum last left zero" is then
// e^h to 1. Why this test: for a sustained rise of unknown start, the CUSUM detects
// fastest for a given rate of false alarms (Lorden's optimality); a larger spike
// crosses sooner (about h / (expected · (r ln 2 − 1)) minutes for r times the rate), a
// small one has to last; and its run (since the sum last left zero) estimates when the
// rise began, which gives the alert its window.
//
// φ is the variance over mean of 10-minute counts against the baseline (exponentially
// weighted over about a day, clipped residuals, at least 1): bursts, threads and the
// baseline's own error make real streams wider than Poisson, and ignoring that would
// turn every busy hour into a false alarm.
import { AlertGate, type AlertGateSnapshot } from './alert-gate.ts';
import { effectiveDispersion, nextDispersion } from './count-statistics.ts';
import { formatDuration, formatTime, roundTo, type CrisisAlert } from './crisis-alert.ts';
import type { DetectorSettings, Sensitivity } from './detector-settings.ts';
import { SeasonalBaseline, type SeasonalBaselineSnapshot } from './seasonal-baseline.ts';
import type { TopicRef } from './topic-ref.ts';

/** h: the CUSUM's threshold (log-likelihood ratio), and the least observed/expected ratio over the run. */
export const VOLUME_SENSITIVITY: Record<Sensitivity, { threshold: number; minRatio: number }> = {
  high: { threshold: 7, minRatio: 1.3 },
  medium: { threshold: 8, minRatio: 1.5 },
  low: { threshold: 12, minRatio: 2 },
};

/** The sum is capped at this many thresholds, so it comes back down within the hour after a long spike. */
const CAP_IN_THRESHOLDS = 2;
const DISPERSION_BLOCK_MINUTES = 10;
/** Weight of one 10-minute block in the dispersion: about a day's memory. */
const DISPERSION_WEIGHT = 1 / 144;
const MAX_DISPERSION = 100;
const RADAR_MINUTES = 10;
const SAMPLE_SIZE = 5;

export interface VolumeSpikeSnapshot {
  baseline: SeasonalBaselineSnapshot;
  minuteCount: number;
  hourCount: number;
  cusum: number;
  runStart: number | null;
  runCount: number;
  runExpected: number;
  runUpper: number;
  dispersion: number;
  blockCount: number;
  blockExpected: number;
  recentCounts: number[];
  recentExpected: number[];
  recentIds: string[];
  gate: AlertGateSnapshot;
}

export class VolumeSpikeDetector {
  private baseline = new SeasonalBaseline();
  private minuteCount = 0;
  private hourCount = 0;
  private cusum = 0;
  private runStart: number | null = null;
  private runCount = 0;
  private runExpected = 0;
  private runUpper = 0;
  private dispersion = 1;
  private blockCount = 0;
  private blockExpected = 0;
  /** Counts and expectations of the last ten closed minutes, for the radar. */
  private recentCounts: number[] = new Array<number>(RADAR_MINUTES).fill(0);
  private recentExpected: number[] = new Array<number>(RADAR_MINUTES).fill(0);
  /** The latest mention ids, oldest first. */
  private recentIds: string[] = [];
  private gate: AlertGate;

  constructor(
    private readonly topic: TopicRef,
    private readonly settings: DetectorSettings,
  ) {
    this.gate = new AlertGate(settings.cooldownMinutes * 60_000);
  }

  add(id: string): void {
    this.minuteCount++;
    if (this.recentIds.length === SAMPLE_SIZE) this.recentIds.shift();
    this.recentIds.push(id);
  }

  /** Closes the minute starting at `minuteStart`; an alert when a spike event starts. */
  closeMinute(minuteStart: number, warmedUp: boolean): CrisisAlert | null {
    const count = this.minuteCount;
    const { expected, upper } = this.baseline.forecastMinute(minuteStart, effectiveDispersion(this.dispersion, MAX_DISPERSION));
    const end = minuteStart + 60_000;
    this.minuteCount = 0;
    this.hourCount += count;
    const slot = Math.floor(minuteStart / 60_000) % RADAR_MINUTES;
    this.recentCounts[slot] = count;
    this.recentExpected[slot] = expected;
    const { threshold, minRatio } = VOLUME_SENSITIVITY[this.settings.sensitivity];
    this.learnDispersion(minuteStart, count, expected, threshold);

    if (!warmedUp || !this.settings.enabled) {
      this.resetRun();
      this.gate.consider(end, false, false);
      return null;
    }
    const increment = (count * Math.LN2 - upper) / effectiveDispersion(this.dispersion, MAX_DISPERSION);
    const next = Math.min(this.cusum + increment, CAP_IN_THRESHOLDS * threshold);
    if (next <= 0) {
      this.resetRun();
    } else {
      if (this.cusum === 0) this.runStart = minuteStart;
      this.cusum = next;
      this.runCount += count;
      this.runExpected += expected;
      this.runUpper += upper;
    }
    const firing = this.cusum >= threshold && this.runCount >= this.settings.minVolume && this.runCount >= minRatio * this.runExpected;
    return this.gate.consider(end, firing, true) ? this.alert(end, threshold) : null;
  }

  /** Learns the hour starting at `hourStart`, once its last minute is closed. */
  closeHour(hourStart: number): void {
    this.baseline.learnHour(hourStart, this.hourCount, effectiveDispersion(this.dispersion, MAX_DISPERSION));
    this.hourCount = 0;
  }

  /** Mentions in the last ten closed minutes against the baseline's expectation, for the radar. */
  level(): { observed: number; expected: number } {
    return { observed: sum(this.recentCounts), expected: roundTo(sum(this.recentExpected), 2) };
  }

  /** Since when a spike event is going on, if one is. */
  activeSince(now: number): number | null {
    return this.gate.activeSince(now);
  }

  private learnDispersion(minuteStart: number, count: number, expected: number, threshold: number): void {
    this.blockCount += count;
    this.blockExpected += expected;
    if ((Math.floor(minuteStart / 60_000) + 1) % DISPERSION_BLOCK_MINUTES !== 0) return;
    // Not from the first day (the baseline is still guessing), nor while a spike may be building.
    if (this.baseline.hours >= 24 && this.cusum < threshold / 2) {
      this.dispersion = nextDispersion(this.dispersion, this.blockCount, this.blockExpected, this.blockExpected, DISPERSION_WEIGHT);
    }
    this.blockCount = 0;
    this.blockExpected = 0;
  }

  private resetRun(): void {
    this.cusum = 0;
    this.runStart = null;
    this.runCount = 0;
    this.runExpected = 0;
    this.runUpper = 0;
  }

  private alert(end: number, threshold: number): CrisisAlert {
    const start = this.runStart ?? end - 60_000;
    const expected = roundTo(this.runExpected, 1);
    const ratio = roundTo(this.runCount / Math.max(this.runExpected, 1e-9), 1);
    const score = roundTo(this.cusum, 2);
    const dispersion = roundTo(effectiveDispersion(this.dispersion, MAX_DISPERSION), 2);
    return {
      ...this.topic,
      detector: 'volume',
      subject: null,
      at: end,
      metric: 'mentions',
      observed: this.runCount,
      baseline: expected,
      window: { start, end },
      score,
      threshold,
      test: `Poisson CUSUM: log-likelihood ratio of twice the baseline's upper forecast against it, divided by the overdispersion ${dispersion}`,
      sensitivity: this.settings.sensitivity,
      sampleMentionIds: [...this.recentIds].reverse(),
      summary: `${this.runCount} mentions in the ${formatDuration(end - start)} since ${formatTime(start, true)} against ${expected} expected for this time of the week (${ratio}×, at most ${roundTo(this.runUpper, 1)} allowing for the baseline's uncertainty); CUSUM ${score} ≥ ${threshold} (${this.settings.sensitivity} sensitivity).`,
    };
  }

  toJSON(): VolumeSpikeSnapshot {
    return {
      baseline: this.baseline.toJSON(),
      minuteCount: this.minuteCount,
      hourCount: this.hourCount,
      cusum: this.cusum,
      runStart: this.runStart,
      runCount: this.runCount,
      runExpected: this.runExpected,
      runUpper: this.runUpper,
      dispersion: this.dispersion,
      blockCount: this.blockCount,
      blockExpected: this.blockExpected,
      recentCounts: [...this.recentCounts],
      recentExpected: [...this.recentExpected],
      recentIds: [...this.recentIds],
      gate: this.gate.toJSON(),
    };
  }

  static fromJSON(snapshot: VolumeSpikeSnapshot, topic: TopicRef, settings: DetectorSettings): VolumeSpikeDetector {
    const detector = new VolumeSpikeDetector(topic, settings);
    detector.baseline = SeasonalBaseline.fromJSON(snapshot.baseline);
    detector.minuteCount = snapshot.minuteCount;
    detector.hourCount = snapshot.hourCount;
    detector.cusum = snapshot.cusum;
    detector.runStart = snapshot.runStart;
    detector.runCount = snapshot.runCount;
    detector.runExpected = snapshot.runExpected;
    detector.runUpper = snapshot.runUpper;
    detector.dispersion = snapshot.dispersion;
    detector.blockCount = snapshot.blockCount;
    detector.blockExpected = snapshot.blockExpected;
    detector.recentCounts = [...snapshot.recentCounts];
    detector.recentExpected = [...snapshot.recentExpected];
    detector.recentIds = [...snapshot.recentIds];
    detector.gate = AlertGate.fromJSON(snapshot.gate, settings.cooldownMinutes * 60_000);
    return detector;
  }
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
