// All the crisis detectors of one (organization, topic), fed its mentions one by one in
// time order. The stream's clock moves in closed minutes: the volume detector judges
// each closed minute, the windowed detectors judge each mention, and the baselines learn
// each closed hour, so the work per mention is constant (amortized) and nothing here
// reads a clock or a database. The whole state is a plain JSON snapshot: persisted and
// restored, a detector carries on exactly as if it had never stopped, with its events
// and cool-downs, so a restart neither floods alerts nor forgets a spike in progress.
//
// Warm-ups count the hours the topic was heard in (hours with at least one mention), not
// the hours since its first mention: a topic that trickles before its sources really
// start (a collection that begins with a few stray mentions, days ahead) has learned
// nothing from those empty days, and would call its real stream's first hour a spike.
import { NO_ALERTS, type CrisisAlert, type CrisisDetectorKind } from './crisis-alert.ts';
import type { CrisisMention } from './crisis-mention.ts';
import { hours, resolveDetectorSettings, type CrisisDetectorSettings, type CrisisDetectorSettingsInput, type DetectorSettings } from './detector-settings.ts';
import { HighReachDetector, type HighReachSnapshot } from './high-reach-detector.ts';
import { categorySpec, negativitySpec, ShareSurgeDetector, type ShareSurgeSnapshot } from './share-surge-detector.ts';
import type { TopicRef } from './topic-ref.ts';
import { TriggerWordDetector, type TriggerWordSnapshot } from './trigger-word-detector.ts';
import type { TriggerWordMatcher } from './trigger-word-matcher.ts';
import { VolumeSpikeDetector, type VolumeSpikeSnapshot } from './volume-spike-detector.ts';

const MINUTE = 60_000;
export const TOPIC_DETECTOR_SNAPSHOT_VERSION = 1;
/** The alerts' name for each detector's settings. */
const KIND_OF_SETTINGS: Record<keyof CrisisDetectorSettings, CrisisDetectorKind> = {
  volume: 'volume',
  negativity: 'negativity',
  category: 'category',
  triggerWords: 'trigger-word',
  highReach: 'high-reach',
};

export interface TopicDetectorOptions extends TopicRef {
  /** Settings laid over the defaults (or complete settings, as resolveDetectorSettings returns them). */
  settings?: CrisisDetectorSettingsInput;
  /** A trigger-word matcher to share with the organization's other topics (it must use the same words). */
  triggerWordMatcher?: TriggerWordMatcher;
}

export interface TopicDetectorSnapshot extends TopicRef {
  version: typeof TOPIC_DETECTOR_SNAPSHOT_VERSION;
  /** Hours with at least one mention so far, and the latest of them (hours since the epoch). */
  heardHours: number;
  lastHeardHour: number | null;
  /** The latest time seen (epoch milliseconds). */
  clock: number | null;
  /** The open minute, as minutes since the epoch. */
  openMinute: number | null;
  lateMentions: number;
  volume: VolumeSpikeSnapshot;
  negativity: ShareSurgeSnapshot;
  category: ShareSurgeSnapshot;
  triggerWords: TriggerWordSnapshot;
  highReach: HighReachSnapshot;
}

/** Where a topic stands now, for the crisis radar. */
export interface TopicLevel {
  /** Mentions in the last ten closed minutes, and what the baseline expected. */
  mentionsLast10Minutes: number;
  expectedLast10Minutes: number;
  negativeShare: number | null;
  baselineNegativeShare: number;
  /** Detectors still warming up (no alerts from them yet): each waits for its warm-up's number of heard hours. */
  warmingUp: CrisisDetectorKind[];
  heardHours: number;
  /** Mentions that came with a time older than the clock (counted at the clock's time). */
  lateMentions: number;
  /** Events going on: detector, subject (category, word, author) and since when. */
  activeEvents: { detector: CrisisDetectorKind; subject: string | null; since: number }[];
}

export class TopicDetector {
  readonly organizationId: string;
  readonly topicId: string;
  readonly settings: CrisisDetectorSettings;
  private heardHours = 0;
  private lastHeardHour: number | null = null;
  private clock: number | null = null;
  private openMinute: number | null = null;
  private lateMentions = 0;
  private volume: VolumeSpikeDetector;
  private negativity: ShareSurgeDetector;
  private category: ShareSurgeDetector;
  private triggerWords: TriggerWordDetector;
  private highReach: HighReachDetector;

  constructor(options: TopicDetectorOptions) {
    this.organizationId = options.organizationId;
    this.topicId = options.topicId;
    this.settings = resolveDetectorSettings(options.settings);
    const topic = { organizationId: this.organizationId, topicId: this.topicId };
    this.volume = new VolumeSpikeDetector(topic, this.settings.volume);
    this.negativity = new ShareSurgeDetector(topic, negativitySpec, this.settings.negativity);
    this.category = new ShareSurgeDetector(topic, categorySpec, this.settings.category);
    this.triggerWords = new TriggerWordDetector(topic, this.settings.triggerWords, options.triggerWordMatcher);
    this.highReach = new HighReachDetector(topic, this.settings.highReach);
  }

  /** The matcher this topic finds trigger words with, to share with topics of the same words. */
  get triggerWordMatcher(): TriggerWordMatcher {
    return this.triggerWords.matcher;
  }

  /**
   * Feeds one mention; the alerts it raises (usually none). Mentions should come in time
   * order; one older than the clock counts at the clock's time.
   */
  observe(mention: CrisisMention): readonly CrisisAlert[] {
    if (!Number.isFinite(mention.at)) throw new RangeError(`Crisis detector: mention ${mention.id} has no valid time`);
    const closed = this.advanceTo(mention.at);
    const now = this.clock!;
    if (mention.at < now) this.lateMentions++;
    this.hear(now);
    this.volume.add(mention.id);
    const alerts: CrisisAlert[] = closed.length === 0 ? [] : [...closed];
    const negativity = this.negativity.observe(mention, now, this.warmedUp(this.settings.negativity));
    const category = this.category.observe(mention, now, this.warmedUp(this.settings.category));
    const highReach = this.highReach.observe(mention, now, this.warmedUp(this.settings.highReach));
    if (negativity) alerts.push(negativity);
    if (category) alerts.push(category);
    if (highReach) alerts.push(highReach);
    this.triggerWords.observe(mention, now, this.warmedUp(this.settings.triggerWords), alerts);
    return alerts.length === 0 ? NO_ALERTS : alerts;
  }

  /**
   * Moves the clock to `now` (epoch milliseconds), closing the minutes and hours that
   * ended: a quiet stream still teaches its baseline and ends its events. Call it on a
   * timer so a spike is judged when its minute closes, not when the next mention comes.
   */
  advanceTo(now: number): readonly CrisisAlert[] {
    const minute = Math.floor(now / MINUTE);
    if (this.openMinute === null) this.openMinute = minute;
    let alerts: CrisisAlert[] | null = null;
    for (; this.openMinute < minute; this.openMinute++) {
      const minuteStart = this.openMinute * MINUTE;
      const end = minuteStart + MINUTE;
      const alert = this.volume.closeMinute(minuteStart, this.warmedUp(this.settings.volume));
      if (alert) (alerts ??= []).push(alert);
      if (end % hours(1) === 0) this.closeHour(end);
    }
    this.clock = Math.max(this.clock ?? now, now);
    return alerts ?? NO_ALERTS;
  }

  level(): TopicLevel {
    const now = this.clock ?? 0;
    const { observed, expected } = this.volume.level();
    const negativity = this.negativity.level('negative');
    const warmingUp = (Object.keys(KIND_OF_SETTINGS) as (keyof CrisisDetectorSettings)[]).filter((name) => !this.warmedUp(this.settings[name])).map((name) => KIND_OF_SETTINGS[name]);
    const volumeSince = this.volume.activeSince(now);
    return {
      mentionsLast10Minutes: observed,
      expectedLast10Minutes: expected,
      negativeShare: negativity.share,
      baselineNegativeShare: negativity.baselineShare,
      warmingUp,
      heardHours: this.heardHours,
      lateMentions: this.lateMentions,
      activeEvents: [
        ...(volumeSince === null ? [] : [{ detector: 'volume' as const, subject: null, since: volumeSince }]),
        ...this.negativity.activeEvents(now).map(({ since }) => ({ detector: 'negativity' as const, subject: null, since })),
        ...this.category.activeEvents(now).map(({ key, since }) => ({ detector: 'category' as const, subject: key, since })),
        ...this.triggerWords.activeEvents(now).map(({ key, since }) => ({ detector: 'trigger-word' as const, subject: key, since })),
        ...this.highReach.activeEvents(now).map(({ key, since }) => ({ detector: 'high-reach' as const, subject: key, since })),
      ],
    };
  }

  private closeHour(end: number): void {
    this.volume.closeHour(end - hours(1));
    this.negativity.closeHour(end);
    this.category.closeHour(end);
    this.triggerWords.closeHour(end);
    this.highReach.closeHour(end);
  }

  private hear(now: number): void {
    const hour = Math.floor(now / hours(1));
    if (hour === this.lastHeardHour) return;
    this.heardHours++;
    this.lastHeardHour = hour;
  }

  private warmedUp(settings: DetectorSettings): boolean {
    return this.heardHours >= settings.warmUpHours;
  }

  toJSON(): TopicDetectorSnapshot {
    return {
      version: TOPIC_DETECTOR_SNAPSHOT_VERSION,
      organizationId: this.organizationId,
      topicId: this.topicId,
      heardHours: this.heardHours,
      lastHeardHour: this.lastHeardHour,
      clock: this.clock,
      openMinute: this.openMinute,
      lateMentions: this.lateMentions,
      volume: this.volume.toJSON(),
      negativity: this.negativity.toJSON(),
      category: this.category.toJSON(),
      triggerWords: this.triggerWords.toJSON(),
      highReach: this.highReach.toJSON(),
    };
  }

  /**
   * A detector from its snapshot (as toJSON gave it, after any JSON round trip) and the
   * topic's settings now: changed settings apply from here on, the learned state is kept.
   */
  static fromJSON(snapshot: TopicDetectorSnapshot, options: Omit<TopicDetectorOptions, 'organizationId' | 'topicId'> = {}): TopicDetector {
    if (snapshot?.version !== TOPIC_DETECTOR_SNAPSHOT_VERSION) {
      throw new RangeError(`Crisis detector snapshot: version ${JSON.stringify(snapshot?.version)} is not ${TOPIC_DETECTOR_SNAPSHOT_VERSION}; start the topic's detectors afresh`);
    }
    const detector = new TopicDetector({ ...options, organizationId: snapshot.organizationId, topicId: snapshot.topicId });
    const topic = { organizationId: snapshot.organizationId, topicId: snapshot.topicId };
    const settings = detector.settings;
    ({ heardHours: detector.heardHours, lastHeardHour: detector.lastHeardHour } = heardHoursOf(snapshot));
    detector.clock = snapshot.clock;
    detector.openMinute = snapshot.openMinute;
    detector.lateMentions = snapshot.lateMentions;
    detector.volume = VolumeSpikeDetector.fromJSON(snapshot.volume, topic, settings.volume);
    detector.negativity = ShareSurgeDetector.fromJSON(snapshot.negativity, topic, negativitySpec, settings.negativity);
    detector.category = ShareSurgeDetector.fromJSON(snapshot.category, topic, categorySpec, settings.category);
    detector.triggerWords = TriggerWordDetector.fromJSON(snapshot.triggerWords, topic, settings.triggerWords, options.triggerWordMatcher ?? detector.triggerWords.matcher);
    detector.highReach = HighReachDetector.fromJSON(snapshot.highReach, topic, settings.highReach);
    return detector;
  }
}

/**
 * Snapshots saved before warm-ups counted heard hours kept when the first mention came
 * instead: every hour since then counts as heard, so a topic warmed up stays warmed up.
 */
function heardHoursOf(snapshot: TopicDetectorSnapshot & { startedAt?: number | null }): { heardHours: number; lastHeardHour: number | null } {
  if (typeof snapshot.heardHours === 'number') return { heardHours: snapshot.heardHours, lastHeardHour: snapshot.lastHeardHour };
  if (snapshot.startedAt == null || snapshot.clock === null) return { heardHours: 0, lastHeardHour: null };
  return { heardHours: Math.floor((snapshot.clock - snapshot.startedAt) / hours(1)), lastHeardHour: Math.floor(snapshot.clock / hours(1)) };
}
