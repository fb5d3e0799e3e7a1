// The shapes of the insights API. Every dashboard question takes a range of UTC days
// (`from`, `to`, both included; at most 366 days; default the last 30), an optional spoke
// (the hub may narrow to one; a spoke lead sees their spokes), `compare=previous` for the
// previous period of the same length beside it (as `previous`), and `format=csv` for a
// text/csv download of the same numbers (one row per line, the previous period's rows
// after the current ones, marked in a `period` column). docs/insights.md shows each.
import { Type, type TSchema, type TProperties } from 'typebox';
import { groupings } from './conversation-numbers.ts';
import { intervals } from './time-buckets.ts';

const Id = (description?: string) => Type.String({ format: 'uuid', ...(description && { description }) });
const Day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const Nullable = <T extends TSchema>(schema: T, description?: string) => Type.Union([schema, Type.Null()], description ? { description } : {});
const Count = Type.Integer({ minimum: 0 });
const Seconds = Nullable(Type.Integer(), 'seconds; null when there is nothing to measure');

const rangeFields = {
  from: Type.Optional(Day('first day (UTC, included); default: 29 days before `to`')),
  to: Type.Optional(Day('last day (UTC, included); default: today')),
  compare: Type.Optional(Type.Enum(['previous'], { description: 'previous: also answer the period of the same length just before, as `previous`' })),
  format: Type.Enum(['json', 'csv'], { default: 'json', description: 'csv: the same numbers as a text/csv download (by=person: every person, up to 10,000)' }),
};
const spokeField = { spokeId: Type.Optional(Id('only this spoke (spoke leads: one of theirs); default: all the asker may see')) };
const TopicIds = Type.Optional(Type.Array(Id(), { maxItems: 50, uniqueItems: true, description: 'repeat the parameter for several topics' }));

export const VolumeQuery = Type.Object({
  ...rangeFields, ...spokeField, topicIds: TopicIds,
  interval: Type.Enum([...intervals], { default: 'day', description: 'hour (ranges of up to 31 days), day, week (from Monday) or month' }),
});
export const ShareOfVoiceQuery = Type.Object({ ...rangeFields, ...spokeField, topicIds: TopicIds });
export const TableQuery = Type.Object({
  ...rangeFields, ...spokeField,
  by: Type.Enum([...groupings], { default: 'org', description: 'one row for the whole scope (org), per spoke, per person, or per day, week or month' }),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'by=person: people per page, busiest (most first responses) first' }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'by=person: where the page starts' }),
});
export const ScopedQuery = Type.Object({ ...rangeFields, ...spokeField });
export const BacklogQuery = Type.Object({ ...spokeField, format: rangeFields.format });
export const CrisesQuery = Type.Object({ ...rangeFields, topicIds: TopicIds });

/** The answer's fields for a period, with `from`, `to`, and the previous period's beside them when asked. */
function compared(fields: TProperties, header: TProperties = {}) {
  const period = { from: Type.String(), to: Type.String(), ...fields };
  return Type.Object({ ...header, ...period, previous: Type.Optional(Type.Object(period, { description: 'with compare=previous: the period of the same length just before' })) });
}
const scopeHeader = { spokeIds: Nullable(Type.Array(Type.String()), 'the spokes counted; null: the whole organization') };

const sentimentFields = {
  negative: Count, neutral: Count, positive: Count, total: Type.Integer({ description: 'negative + neutral + positive' }),
  spam: Type.Integer({ description: 'spam, not in the total' }),
};
const TopicOfRow = Nullable(Type.String(), 'the topic; null: every mention (no topic asked for)');

export const VolumeAnswer = compared({
  interval: Type.Enum([...intervals]),
  series: Type.Array(Type.Object({ bucket: Type.String({ format: 'date-time', description: 'where the hour, day, week or month starts (UTC)' }), topicId: TopicOfRow, ...sentimentFields })),
  totals: Type.Array(Type.Object({ topicId: TopicOfRow, ...sentimentFields })),
}, { ...scopeHeader, topicIds: Nullable(Type.Array(Type.String())) });

export const ShareOfVoiceAnswer = compared({
  mentions: Type.Integer({ description: 'the topics\' mentions together' }),
  topics: Type.Array(Type.Object({
    topicId: Type.String(), name: Nullable(Type.String(), 'null for a deleted topic'), mentions: Count,
    share: Type.Number({ description: 'of the topics\' mentions together, 0–1' }), ...sentimentFields,
    netSentiment: Nullable(Type.Number(), '(positive − negative) ÷ mentions, −1…1'),
  })),
}, scopeHeader);

const Sla = Type.Object({ met: Count, missed: Count, attainment: Nullable(Type.Number(), 'met ÷ (met + missed), 0–1; null when no due time applied') });
const Times = Type.Object({ count: Count, meanSeconds: Seconds, medianSeconds: Seconds, p90Seconds: Seconds, sla: Sla });
const rowLabel = {
  key: Nullable(Type.String(), 'spoke or person id (null: the hub queue, or the whole scope), or the bucket start (ISO) by day, week or month'),
  name: Nullable(Type.String()),
};
const byHeader = { ...scopeHeader, by: Type.Enum([...groupings]) };
const paging = {
  total: Type.Integer({ description: 'rows in all pages (by=person: people with numbers in the range)' }),
  nextOffset: Nullable(Type.Integer(), 'by=person: the offset of the next page; null on the last'),
};

export const ResponseTimesAnswer = compared({
  rows: Type.Array(Type.Object({ ...rowLabel, opened: Count, replies: Count, firstResponse: Times, resolution: Times })), ...paging,
}, byHeader);

export const SlaAnswer = compared({ rows: Type.Array(Type.Object({ ...rowLabel, firstResponse: Sla, resolution: Sla })), ...paging }, byHeader);

export const BacklogAnswer = Type.Object({
  ...scopeHeader,
  at: Type.String({ format: 'date-time' }),
  spokes: Type.Array(Type.Object({
    spokeId: Nullable(Type.String(), 'null: the hub queue'), name: Type.String(), open: Count, unassigned: Count,
    overdue: Type.Integer({ description: 'past a first-response, next-response or resolution due time' }),
    oldestWaitSeconds: Seconds, medianWaitSeconds: Seconds,
  })),
});

export const ParticipationAnswer = compared({
  spokes: Type.Array(Type.Object({
    spokeId: Nullable(Type.String(), 'null: people in no spoke'), name: Type.String(), members: Nullable(Type.Integer()),
    repliers: Count, replies: Count, firstResponses: Count, participation: Nullable(Type.Number(), 'repliers ÷ members, 0–1'),
  }), { description: 'a person in two spokes counts in both' }),
}, scopeHeader);

const EarnedMediaValue = Type.Object({ value: Type.Number(), currency: Type.String(), expression: Type.String({ description: 'the worked sum' }) });
const Formula = Type.Object({
  formula: Type.String(), rates: Type.Object({ costPerClick: Type.Number(), costPerThousandImpressions: Type.Number(), currency: Type.String() }),
});
export const AdvocacyAnswer = compared({
  shares: Type.Integer({ description: 'shares that went out in the range' }), reach: Type.Integer({ description: 'potential reach: followers of the accounts shared to' }),
  clicks: Type.Integer({ description: 'clicks those shares earned so far' }), uniqueClicks: Type.Integer({ description: 'distinct visitors per day, summed' }),
  earnedMediaValue: EarnedMediaValue, sharers: Count, stories: Type.Integer({ description: 'stories shared' }), formula: Formula,
  days: Type.Array(Type.Object({ day: Type.String(), shares: Count, reach: Count, clicks: Count, uniqueClicks: Count }), { description: 'by the day the shares went out' }),
}, scopeHeader);

export const CrisesAnswer = compared({
  crises: Count,
  alerts: Count,
  months: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), crises: Count, alerts: Count, acknowledged: Count })),
}, { topicIds: Nullable(Type.Array(Type.String())) });
