// Trigger words: a few mentions with "recall", "data breach" or "lawsuit" in a short
// window can start a crisis long before the volume moves. Each word counts on its own:
// it fires when the window holds at least the minimum volume of mentions with the word
// and that count is improbable under the word's own learned rate (a Poisson tail), so a
// car maker whose customers talk about recalls every day is not alerted by the daily
// three.
import { KeyedAlertGates, type AlertGateSnapshot } from './alert-gate.ts';
import { poissonSurprise } from './count-statistics.ts';
import { formatDuration, formatTime, roundTo, type CrisisAlert } from './crisis-alert.ts';
import type { CrisisMention } from './crisis-mention.ts';
import { hours, minutes, type Sensitivity, type TriggerWordSettings } from './detector-settings.ts';
import { SlidingWindow, type SlidingWindowSnapshot } from './sliding-window.ts';
import type { TopicRef } from './topic-ref.ts';
import { TriggerWordMatcher } from './trigger-word-matcher.ts';

/** −log10 of the Poisson tail probability the window's count must reach: 3 is "one chance in a thousand". */
export const TRIGGER_WORD_SENSITIVITY: Record<Sensitivity, { threshold: number }> = {
  high: { threshold: 2 },
  medium: { threshold: 3 },
  low: { threshold: 4 },
};

/** Least gain of a word's hourly rate: about a week's memory once the detector has that much history. */
const RATE_GAIN = 1 / 168;
/** A word never seen is still expected this often per window, so one mention alone scores about 3.3. */
const MIN_EXPECTED_PER_WINDOW = 0.0005;
const MAX_FREEZE = hours(24);
const SAMPLE_SIZE = 5;

export interface TriggerWordSnapshot {
  window: SlidingWindowSnapshot;
  ratesPerHour: Record<string, number>;
  hoursLearned: number;
  hourCounts: Record<string, number>;
  gates: Record<string, AlertGateSnapshot>;
}

export class TriggerWordDetector {
  readonly matcher: TriggerWordMatcher;
  private window = new SlidingWindow(SAMPLE_SIZE);
  private ratesPerHour = new Map<string, number>();
  private hoursLearned = 0;
  private hourCounts = new Map<string, number>();
  private gates: KeyedAlertGates;

  constructor(
    private readonly topic: TopicRef,
    private readonly settings: TriggerWordSettings,
    matcher?: TriggerWordMatcher,
  ) {
    this.matcher = matcher ?? new TriggerWordMatcher(settings.words);
    this.gates = new KeyedAlertGates(minutes(settings.cooldownMinutes));
  }

  /** Counts the mention's trigger words at `now`; an alert for each word whose event it starts. */
  observe(mention: CrisisMention, now: number, warmedUp: boolean, alerts: CrisisAlert[]): void {
    const words = mention.triggerWords ?? (mention.text ? this.matcher.find(mention.text) : null);
    if (!words || words.length === 0) return;
    this.window.expire(now - minutes(this.settings.windowMinutes));
    for (const word of words) {
      this.window.push(now, word, mention.id);
      this.hourCounts.set(word, (this.hourCounts.get(word) ?? 0) + 1);
      const alert = this.evaluate(word, now, warmedUp);
      if (alert) alerts.push(alert);
    }
  }

  /** Learns the hour that ended at `now`. */
  closeHour(now: number): void {
    const gain = Math.max(RATE_GAIN, 1 / (this.hoursLearned + 1));
    for (const word of new Set([...this.ratesPerHour.keys(), ...this.hourCounts.keys()])) {
      const since = this.gates.activeSince(word, now);
      if (since !== null && now - since < MAX_FREEZE) continue;
      const rate = this.ratesPerHour.get(word) ?? 0;
      this.ratesPerHour.set(word, rate + gain * ((this.hourCounts.get(word) ?? 0) - rate));
    }
    this.hoursLearned++;
    this.hourCounts.clear();
    this.gates.prune(now);
  }

  /** The words with an event going on, and since when. */
  activeEvents(now: number): { key: string; since: number }[] {
    return this.gates.activeEvents(now);
  }

  private evaluate(word: string, now: number, warmedUp: boolean): CrisisAlert | null {
    const count = this.window.count(word);
    const expected = Math.max(((this.ratesPerHour.get(word) ?? 0) * this.settings.windowMinutes) / 60, MIN_EXPECTED_PER_WINDOW);
    const surprise = poissonSurprise(count, expected);
    const { threshold } = TRIGGER_WORD_SENSITIVITY[this.settings.sensitivity];
    const firing = count >= this.settings.minVolume && surprise >= threshold;
    if (!this.gates.consider(word, now, firing, warmedUp && this.settings.enabled)) return null;
    const start = now - minutes(this.settings.windowMinutes);
    const score = roundTo(surprise, 1);
    return {
      ...this.topic,
      detector: 'trigger-word',
      subject: word,
      at: now,
      metric: `mentions with "${word}"`,
      observed: count,
      baseline: roundTo(expected, 3),
      window: { start, end: now },
      score,
      threshold,
      test: '−log10 of the Poisson probability of at least this many mentions with the word, at its learned rate',
      sensitivity: this.settings.sensitivity,
      sampleMentionIds: this.window.latestIds(word),
      summary: `${count} mentions with "${word}" in the ${formatDuration(now - start)} since ${formatTime(start, true)} against ${roundTo(expected, 2)} expected; surprise ${score} ≥ ${threshold} (${this.settings.sensitivity} sensitivity).`,
    };
  }

  toJSON(): TriggerWordSnapshot {
    return {
      window: this.window.toJSON(),
      ratesPerHour: Object.fromEntries(this.ratesPerHour),
      hoursLearned: this.hoursLearned,
      hourCounts: Object.fromEntries(this.hourCounts),
      gates: this.gates.toJSON(),
    };
  }

  static fromJSON(snapshot: TriggerWordSnapshot, topic: TopicRef, settings: TriggerWordSettings, matcher?: TriggerWordMatcher): TriggerWordDetector {
    const detector = new TriggerWordDetector(topic, settings, matcher);
    detector.window = SlidingWindow.fromJSON(snapshot.window, SAMPLE_SIZE);
    detector.ratesPerHour = new Map(Object.entries(snapshot.ratesPerHour));
    detector.hoursLearned = snapshot.hoursLearned;
    detector.hourCounts = new Map(Object.entries(snapshot.hourCounts));
    detector.gates = KeyedAlertGates.fromJSON(snapshot.gates, minutes(settings.cooldownMinutes));
    return detector;
  }
}
