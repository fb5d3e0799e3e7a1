// A high-reach author posting negatively: one angry post from an account with a large
// audience can matter more than a hundred from small ones, and arrives before any
// volume does. It fires per author (an author's thread of angry posts is one event)
// when the window holds the minimum volume of that author's negative posts.
import { KeyedAlertGates, type AlertGateSnapshot } from './alert-gate.ts';
import { formatDuration, formatTime, type CrisisAlert } from './crisis-alert.ts';
import type { CrisisMention } from './crisis-mention.ts';
import { minutes, type HighReachSettings, type Sensitivity } from './detector-settings.ts';
import { SlidingWindow, type SlidingWindowSnapshot } from './sliding-window.ts';
import type { TopicRef } from './topic-ref.ts';

/**
 * Followers from which an author counts as high-reach (unless the settings name their
 * own), and how negative a post must read when its score is known (VADER's compound:
 * −0.05 is the edge of negative, −0.5 clearly so).
 */
export const HIGH_REACH_SENSITIVITY: Record<Sensitivity, { minFollowers: number; maxSentimentScore: number }> = {
  high: { minFollowers: 10_000, maxSentimentScore: -0.05 },
  medium: { minFollowers: 50_000, maxSentimentScore: -0.25 },
  low: { minFollowers: 250_000, maxSentimentScore: -0.5 },
};

const SAMPLE_SIZE = 5;

export interface HighReachSnapshot {
  window: SlidingWindowSnapshot;
  gates: Record<string, AlertGateSnapshot>;
}

export class HighReachDetector {
  /** Only the negative high-reach posts, keyed by author. */
  private window = new SlidingWindow(SAMPLE_SIZE);
  private gates: KeyedAlertGates;

  constructor(
    private readonly topic: TopicRef,
    private readonly settings: HighReachSettings,
  ) {
    this.gates = new KeyedAlertGates(minutes(settings.cooldownMinutes));
  }

  observe(mention: CrisisMention, now: number, warmedUp: boolean): CrisisAlert | null {
    const { minFollowers, maxSentimentScore } = this.thresholds();
    const followers = mention.authorFollowers ?? 0;
    const negative = mention.sentiment === 'negative' && (mention.sentimentScore == null || mention.sentimentScore <= maxSentimentScore);
    if (!negative || followers < minFollowers) return null;
    this.window.expire(now - minutes(this.settings.windowMinutes));
    // Without a handle each post is its own author: better an alert too many than a silent one.
    const author = mention.authorHandle || `mention ${mention.id}`;
    this.window.push(now, author, mention.id);
    const posts = this.window.count(author);
    const firing = posts >= this.settings.minVolume;
    if (!this.gates.consider(author, now, firing, warmedUp && this.settings.enabled)) return null;
    const start = now - minutes(this.settings.windowMinutes);
    const score = mention.sentimentScore == null ? '' : ` (sentiment ${mention.sentimentScore.toFixed(2)})`;
    return {
      ...this.topic,
      detector: 'high-reach',
      subject: author,
      at: now,
      metric: 'author followers',
      observed: followers,
      baseline: minFollowers,
      window: { start, end: now },
      score: followers,
      threshold: minFollowers,
      test: `followers of an author with at least ${this.settings.minVolume} negative post${this.settings.minVolume === 1 ? '' : 's'} in the window`,
      sensitivity: this.settings.sensitivity,
      sampleMentionIds: this.window.latestIds(author),
      summary: `${author} (${followers.toLocaleString('en')} followers) posted negatively${score}: ${posts} negative post${posts === 1 ? '' : 's'} in the ${formatDuration(now - start)} since ${formatTime(start, true)}; threshold ${minFollowers.toLocaleString('en')} followers (${this.settings.sensitivity} sensitivity).`,
    };
  }

  closeHour(now: number): void {
    this.gates.prune(now);
  }

  /** The authors with an event going on, and since when. */
  activeEvents(now: number): { key: string; since: number }[] {
    return this.gates.activeEvents(now);
  }

  private thresholds(): { minFollowers: number; maxSentimentScore: number } {
    const bySensitivity = HIGH_REACH_SENSITIVITY[this.settings.sensitivity];
    return { minFollowers: this.settings.minFollowers ?? bySensitivity.minFollowers, maxSentimentScore: bySensitivity.maxSentimentScore };
  }

  toJSON(): HighReachSnapshot {
    return { window: this.window.toJSON(), gates: this.gates.toJSON() };
  }

  static fromJSON(snapshot: HighReachSnapshot, topic: TopicRef, settings: HighReachSettings): HighReachDetector {
    const detector = new HighReachDetector(topic, settings);
    detector.window = SlidingWindow.fromJSON(snapshot.window, SAMPLE_SIZE);
    detector.gates = KeyedAlertGates.fromJSON(snapshot.gates, minutes(settings.cooldownMinutes));
    return detector;
  }
}
