// The insights API as the web app reads it (src/modules/insights/insights.contract.ts):
// every dashboard answers for a range of UTC days, and with `compare=previous` carries
// the period of the same length just before as `previous`.

/** What every dashboard question takes: the days (both included), a spoke, and the comparison. */
export type InsightsQuery = {
  from: string;
  to: string;
  /** Left out: everything the person may see (the whole organization, or all their spokes). */
  spokeId?: string;
  compare?: 'previous';
};

export type Interval = 'hour' | 'day' | 'week' | 'month';

/** How the response-time and SLA tables group their rows. */
export type Grouping = 'org' | 'spoke' | 'person' | 'day' | 'week' | 'month';

export interface Period { from: string; to: string }
/** An answer for the range, with the previous period beside it when asked for. */
export type Compared<Numbers> = Numbers & Period & { previous?: Numbers & Period };

export interface Sentiments { negative: number; neutral: number; positive: number; total: number; spam: number }

export interface VolumeNumbers {
  interval: Interval;
  series: (Sentiments & { bucket: string; topicId: string | null })[];
  totals: (Sentiments & { topicId: string | null })[];
}
export type VolumeAnswer = Compared<VolumeNumbers>;

export interface TopicVoice extends Sentiments {
  topicId: string;
  /** Null for a deleted topic. */
  name: string | null;
  mentions: number;
  /** Of the topics' mentions together, 0–1. */
  share: number;
  netSentiment: number | null;
}
export interface ShareOfVoiceNumbers { mentions: number; topics: TopicVoice[] }
export type ShareOfVoiceAnswer = Compared<ShareOfVoiceNumbers>;

export interface Sla { met: number; missed: number; attainment: number | null }
export interface Times { count: number; meanSeconds: number | null; medianSeconds: number | null; p90Seconds: number | null; sla: Sla }
interface RowLabel {
  /** A spoke or person id (null: the hub queue, or the whole scope), or the bucket's start (ISO). */
  key: string | null;
  name: string | null;
}
/** Per person the rows come a page at a time, busiest first. */
export interface Paged { total: number; nextOffset: number | null }

export interface ResponseRow extends RowLabel { opened: number; replies: number; firstResponse: Times; resolution: Times }
export type ResponseTimesAnswer = Compared<{ rows: ResponseRow[] } & Paged> & { by: Grouping };

export interface SlaRow extends RowLabel { firstResponse: Sla; resolution: Sla }
export type SlaAnswer = Compared<{ rows: SlaRow[] } & Paged> & { by: Grouping };

export interface BacklogRow {
  /** Null: the hub queue. */
  spokeId: string | null;
  name: string;
  open: number;
  unassigned: number;
  overdue: number;
  oldestWaitSeconds: number | null;
  medianWaitSeconds: number | null;
}
export interface BacklogAnswer { at: string; spokes: BacklogRow[] }

export interface ParticipationRow {
  /** Null: people in no spoke. */
  spokeId: string | null;
  name: string;
  members: number | null;
  repliers: number;
  replies: number;
  firstResponses: number;
  participation: number | null;
}
export type ParticipationAnswer = Compared<{ spokes: ParticipationRow[] }>;

export interface AdvocacyDay { day: string; shares: number; clicks: number; uniqueClicks: number; reach: number }
export interface AdvocacyNumbers {
  shares: number;
  clicks: number;
  uniqueClicks: number;
  reach: number;
  earnedMediaValue: { value: number; currency: string; expression: string };
  sharers: number;
  stories: number;
  formula: { formula: string; rates: { costPerClick: number; costPerThousandImpressions: number; currency: string } };
  days: AdvocacyDay[];
}
export type AdvocacyAnswer = Compared<AdvocacyNumbers>;

export interface CrisisMonth { month: string; crises: number; alerts: number; acknowledged: number }
export type CrisesAnswer = Compared<{ crises: number; alerts: number; months: CrisisMonth[] }>;

export interface SpokeChoice { id: string; name: string }
