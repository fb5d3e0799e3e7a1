// The shapes of the crisis API (src/modules/crisis: crisis.contract.ts, the radar, the
// settings and the crisis room under room/) and the words the UI shows for their closed
// sets of values.

export const detectorKinds = ['volume', 'negativity', 'category', 'trigger-word', 'high-reach'] as const;
export type DetectorKind = (typeof detectorKinds)[number];
export const detectorLabels: Record<DetectorKind, string> = {
  volume: 'Volume spike',
  negativity: 'Negativity surge',
  category: 'Category surge',
  'trigger-word': 'Trigger word',
  'high-reach': 'High-reach author',
};
export const detectorLabel = (kind: string) => detectorLabels[kind as DetectorKind] ?? kind;

export type Sensitivity = 'low' | 'medium' | 'high';
export const sensitivities: readonly Sensitivity[] = ['low', 'medium', 'high'];
export const sensitivityLabels: Record<Sensitivity, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** How the detector explained itself (times in epoch milliseconds). */
export interface AlertExplanation {
  detector: DetectorKind;
  /** The category, trigger word or author; null for volume and negativity. */
  subject: string | null;
  at: number;
  metric: string;
  observed: number;
  baseline: number;
  window: { start: number; end: number };
  score: number;
  threshold: number;
  test: string;
  sensitivity: Sensitivity;
  sampleMentionIds: string[];
  summary: string;
}

export interface CrisisAlert {
  id: string;
  topicId: string;
  topicName: string;
  detector: DetectorKind;
  summary: string;
  explanation: AlertExplanation;
  sampleMentionIds: string[];
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** When nobody acknowledged it in time and it went to the escalation list. */
  escalatedAt: string | null;
}

export interface AlertFilters {
  topicId?: string;
  acknowledged?: boolean;
}

/** Where a topic stands now (src/modules/crisis/detectors/topic-detector.ts TopicLevel). */
export interface TopicLevel {
  mentionsLast10Minutes: number;
  expectedLast10Minutes: number;
  negativeShare: number | null;
  baselineNegativeShare: number;
  warmingUp: DetectorKind[];
  /** Hours with at least one mention so far; warm-ups count these. */
  heardHours: number;
  lateMentions: number;
  activeEvents: { detector: DetectorKind; subject: string | null; since: number }[];
}

export interface RadarTopic {
  topicId: string;
  topicName: string;
  /** Mentions in the last ten minutes over what the baseline expected; null without a baseline yet. */
  ratio: number | null;
  /** Null before the topic's first mention. */
  level: TopicLevel | null;
  /** Alerts nobody acknowledged yet. */
  openAlerts: number;
  lastAlertAt: string | null;
  /** The detectors' clock: the latest mention time they saw. */
  clock: string | null;
}

export const crisisSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type CrisisSeverity = (typeof crisisSeverities)[number];
export const severityLabels: Record<CrisisSeverity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const crisisStatuses = ['monitoring', 'active', 'recovering', 'closed'] as const;
export type CrisisStatus = (typeof crisisStatuses)[number];
export const statusLabels: Record<CrisisStatus, string> = { monitoring: 'Monitoring', active: 'Active', recovering: 'Recovering', closed: 'Closed' };

export interface CrisisSummary {
  id: string;
  title: string;
  severity: CrisisSeverity;
  status: CrisisStatus;
  ownerId: string | null;
  ownerName: string | null;
  topicIds: string[];
  topicNames: string[];
  openedAt: string;
  closedAt: string | null;
}

/** What the crisis does to the rest of Herd while it is active. */
export interface CrisisEffects {
  repliesNeedApproval: boolean;
  advocacyPaused: boolean;
  routedToSpokeId: string | null;
}

export interface Crisis extends CrisisSummary {
  topics: { id: string; name: string }[];
  crisisTeamSpokeId: string | null;
  crisisTeamSpokeName: string | null;
  openedFromAlertId: string | null;
  effects: CrisisEffects;
}

export interface NewCrisis {
  title: string;
  severity: CrisisSeverity;
  topicIds: string[];
  fromAlertId?: string;
  ownerId?: string;
  status?: 'monitoring' | 'active';
  crisisTeamSpokeId?: string | null;
}

export interface CrisisPatch {
  title?: string;
  severity?: CrisisSeverity;
  status?: CrisisStatus;
  ownerId?: string;
  topicIds?: string[];
  crisisTeamSpokeId?: string | null;
}

export const timelineKinds = ['opened', 'status', 'severity', 'owner', 'note', 'alert', 'statement', 'reply-published', 'effect'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export interface TimelineEntry {
  id: string;
  at: string;
  kind: TimelineKind;
  text: string;
  actorName: string | null;
  data: Record<string, unknown> | null;
}

export interface SeriesBucket {
  at: string;
  mentions: number;
  negative: number;
  neutral: number;
  positive: number;
}

/** A mention on the crisis's topics, as listening and triage know it. */
export interface CrisisMention {
  id: string;
  conversationId: string;
  authorName: string | null;
  authorHandle: string | null;
  authorFollowers: number | null;
  sourceName: string;
  title: string | null;
  text: string;
  url: string | null;
  postedAt: string;
  /** Null until triage judged it. */
  sentiment: 'negative' | 'neutral' | 'positive' | null;
}

/** A holding statement: a reply-library entry of that kind on the crisis's topics. */
export interface HoldingStatement {
  id: string;
  title: string;
  text: string;
  language: string | null;
  expiresAt: string | null;
  expired: boolean;
  topicIds: string[];
  ownerName: string | null;
  approvedByName: string | null;
  createdAt: string;
}

export interface NewHoldingStatement {
  title: string;
  text: string;
  language?: string;
  expiresAt?: string;
}

/** One detector's settings (src/modules/crisis/detectors/detector-settings.ts). */
export interface DetectorSettings {
  enabled: boolean;
  sensitivity: Sensitivity;
  minVolume: number;
  cooldownMinutes: number;
  warmUpHours: number;
  /** The sliding window; every detector but volume has one. */
  windowMinutes?: number;
  /** Trigger words only. */
  words?: string[];
  /** High reach only; null takes the sensitivity's threshold. */
  minFollowers?: number | null;
}

export const detectorSettingNames = ['volume', 'negativity', 'category', 'triggerWords', 'highReach'] as const;
export type DetectorSettingName = (typeof detectorSettingNames)[number];
export type CrisisDetectorSettings = Record<DetectorSettingName, DetectorSettings>;
export const detectorOfSetting: Record<DetectorSettingName, DetectorKind> = {
  volume: 'volume', negativity: 'negativity', category: 'category', triggerWords: 'trigger-word', highReach: 'high-reach',
};
/** What each detector's minimum volume counts, as the settings document it. */
export const minVolumeMeaning: Record<DetectorSettingName, string> = {
  volume: 'Mentions since the rise began.',
  negativity: 'Mentions in the window.',
  category: 'Mentions of that category in the window.',
  triggerWords: 'Mentions with the same word in the window.',
  highReach: 'Negative posts by the author in the window.',
};

export interface CrisisSettings {
  detectors: CrisisDetectorSettings;
  topicOverrides: Record<string, Partial<Record<DetectorSettingName, Partial<DetectorSettings>>>>;
  /** People told of alerts besides hub admins and org-wide PR leads. */
  recipientIds: string[];
  /** Routing's notification channels (webhooks) alerts go to. */
  channelIds: string[];
  escalateAfterMinutes: number;
  /** Told when nobody acknowledged in time; empty: every hub admin. */
  escalateToIds: string[];
}

export type CrisisSettingsInput = Partial<Omit<CrisisSettings, 'detectors'>> & {
  detectors?: Partial<Record<DetectorSettingName, Partial<DetectorSettings>>>;
};

export interface Named {
  id: string;
  name: string;
}
