// The shapes of crisis's HTTP API: the alerts the detectors raised, each with the
// explanation the detector gave, and acknowledging one.
import { Type } from 'typebox';

const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const Detector = Type.Enum(['volume', 'negativity', 'category', 'trigger-word', 'high-reach']);

/** The alert as the detector made it (times in epoch milliseconds, stream time). */
const Explanation = Type.Object({
  detector: Detector,
  subject: Type.Union([Type.String(), Type.Null()], { description: 'the category, trigger word or author; null for volume and negativity' }),
  at: Type.Number({ description: 'when the detector fired (epoch ms)' }),
  metric: Type.String(), observed: Type.Number(), baseline: Type.Number(),
  window: Type.Object({ start: Type.Number(), end: Type.Number() }),
  score: Type.Number(), threshold: Type.Number(), test: Type.String(),
  sensitivity: Type.Enum(['low', 'medium', 'high']),
  sampleMentionIds: Type.Array(Type.String()),
  summary: Type.String(),
});

export const CrisisAlertView = Type.Object({
  id: Type.String(), topicId: Type.String(), detector: Detector, summary: Type.String(), explanation: Explanation,
  sampleMentionIds: Type.Array(Type.String()), raisedAt: Timestamp,
  acknowledgedAt: NullableTimestamp, acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
});

export const CrisisAlertQuery = Type.Object({
  topicId: Type.Optional(Type.String({ format: 'uuid' })),
  acknowledged: Type.Optional(Type.Boolean({ description: 'true: only acknowledged alerts; false: only those waiting for someone' })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const CrisisAlertPage = Type.Object({ items: Type.Array(CrisisAlertView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const AlertParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
