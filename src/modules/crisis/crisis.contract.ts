// The shapes of crisis's HTTP API: the alerts the detectors raised, each with the
// explanation the detector gave, and acknowledging one; the radar (where each topic
// stands now); the organization's settings (detectors, recipients, escalation).
import { Type, type Static } from 'typebox';

const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = (description?: string) => Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time', ...(description && { description }) });
const Detector = Type.Enum(['volume', 'negativity', 'category', 'trigger-word', 'high-reach']);
const Sensitivity = Type.Enum(['low', 'medium', 'high']);

/** The alert as the detector made it (times in epoch milliseconds, stream time). */
const Explanation = Type.Object({
  detector: Detector,
  subject: Type.Union([Type.String(), Type.Null()], { description: 'the category, trigger word or author; null for volume and negativity' }),
  at: Type.Number({ description: 'when the detector fired (epoch ms)' }),
  metric: Type.String(), observed: Type.Number(), baseline: Type.Number(),
  window: Type.Object({ start: Type.Number(), end: Type.Number() }),
  score: Type.Number(), threshold: Type.Number(), test: Type.String(),
  sensitivity: Sensitivity,
  sampleMentionIds: Type.Array(Type.String()),
  summary: Type.String(),
});

export const CrisisAlertView = Type.Object({
  id: Type.String(), topicId: Type.String(), topicName: Type.String(), detector: Detector, summary: Type.String(), explanation: Explanation,
  sampleMentionIds: Type.Array(Type.String()), raisedAt: Timestamp,
  acknowledgedAt: NullableTimestamp(), acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  escalatedAt: NullableTimestamp('when nobody had acknowledged it in time and the escalation list was told'),
});

export const CrisisAlertQuery = Type.Object({
  topicId: Type.Optional(Type.String({ format: 'uuid' })),
  acknowledged: Type.Optional(Type.Boolean({ description: 'true: only acknowledged alerts; false: only those waiting for someone' })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const CrisisAlertPage = Type.Object({ items: Type.Array(CrisisAlertView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const AlertParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const TopicLevel = Type.Object({
  mentionsLast10Minutes: Type.Number(), expectedLast10Minutes: Type.Number(),
  negativeShare: Type.Union([Type.Number(), Type.Null()]), baselineNegativeShare: Type.Number(),
  warmingUp: Type.Array(Detector, { description: 'detectors still warming up (no alerts from them yet)' }),
  heardHours: Type.Number({ description: 'hours with at least one mention so far: a detector warms up once it has heard the topic in its warm-up\'s number of hours' }),
  lateMentions: Type.Number(),
  activeEvents: Type.Array(Type.Object({ detector: Detector, subject: Type.Union([Type.String(), Type.Null()]), since: Type.Number({ description: 'epoch ms' }) })),
});

export const CrisisRadar = Type.Object({
  topics: Type.Array(Type.Object({
    topicId: Type.String(), topicName: Type.String(),
    ratio: Type.Union([Type.Number(), Type.Null()], { description: 'mentions in the last ten minutes over what the baseline expected; null before the baseline learned an hour' }),
    level: Type.Union([TopicLevel, Type.Null()], { description: 'null before the topic\'s first mention' }),
    openAlerts: Type.Integer({ description: 'alerts nobody acknowledged yet' }),
    lastAlertAt: NullableTimestamp(),
    clock: NullableTimestamp('the stream time the detectors reached (the latest mention time they saw, or the last tick)'),
  }), { description: 'every active listening topic, highest ratio first' }),
});

const DetectorFields = {
  enabled: Type.Boolean(),
  sensitivity: Sensitivity,
  minVolume: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'the least volume an alert needs; each detector says what it counts' }),
  cooldownMinutes: Type.Number({ minimum: 0, maximum: 7 * 24 * 60, description: 'minutes the detector must stay below its threshold before a new event can alert' }),
  warmUpHours: Type.Number({ minimum: 0, maximum: 365 * 24, description: 'hours the topic must have been heard in (hours with at least one mention) before the detector may alert' }),
};
const WindowMinutes = Type.Integer({ minimum: 1, maximum: 1440, description: 'the sliding window the detector counts in' });
const VolumeSettings = Type.Object(DetectorFields);
const WindowedSettings = Type.Object({ ...DetectorFields, windowMinutes: WindowMinutes });
const TriggerWordSettings = Type.Object({
  ...DetectorFields, windowMinutes: WindowMinutes,
  words: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, description: 'words and phrases, any case and accents; a trailing * matches any ending' }),
});
const HighReachSettings = Type.Object({
  ...DetectorFields, windowMinutes: WindowMinutes,
  // One schema with two types, not a union: coercion would turn a refused 0 into the null branch.
  minFollowers: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, description: 'followers from which an author counts as high-reach; null: the sensitivity\'s threshold' }),
});
/** Resolved: every detector, every field. */
const DetectorSettings = Type.Object({ volume: VolumeSettings, negativity: WindowedSettings, category: WindowedSettings, triggerWords: TriggerWordSettings, highReach: HighReachSettings });
/** Laid over what lies below it: any detector, any field. */
const DetectorSettingsInput = Type.Object({
  volume: Type.Optional(Type.Partial(VolumeSettings)), negativity: Type.Optional(Type.Partial(WindowedSettings)), category: Type.Optional(Type.Partial(WindowedSettings)),
  triggerWords: Type.Optional(Type.Partial(TriggerWordSettings)), highReach: Type.Optional(Type.Partial(HighReachSettings)),
});
const PersonIds = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200, uniqueItems: true });

export const CrisisSettingsView = Type.Object({
  detectors: DetectorSettings,
  topicOverrides: Type.Record(Type.String(), DetectorSettingsInput, { description: 'per topic id, laid over the detectors\' settings' }),
  recipientIds: Type.Array(Type.String(), { description: 'people told of every alert besides the hub admins and organization-wide PR leads' }),
  channelIds: Type.Array(Type.String(), { description: 'notification channels (Slack- or Teams-compatible webhooks) every alert is posted to' }),
  escalateAfterMinutes: Type.Integer(),
  escalateToIds: Type.Array(Type.String(), { description: 'told when nobody acknowledged an alert in time; empty: every hub admin' }),
});

export const CrisisSettingsInput = Type.Object({
  detectors: Type.Optional(DetectorSettingsInput),
  topicOverrides: Type.Optional(Type.Record(Type.String(), DetectorSettingsInput, { description: 'replaces every override: per topic id, laid over the detectors\' settings' })),
  recipientIds: Type.Optional(PersonIds),
  channelIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true })),
  escalateAfterMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'minutes an alert may wait for an acknowledgement' })),
  escalateToIds: Type.Optional(PersonIds),
});
export type CrisisSettingsInput = Static<typeof CrisisSettingsInput>;
