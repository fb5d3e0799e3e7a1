// The insights dashboards, one GET each under /api/insights: the same address answers
// JSON for the page and, with `format=csv`, the same numbers as a download. Rollups move
// as the worker counts, so an open dashboard asks again every minute.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  AdvocacyAnswer, BacklogAnswer, CrisesAnswer, Grouping, InsightsQuery, Interval, ParticipationAnswer, ResponseTimesAnswer, ShareOfVoiceAnswer, SlaAnswer, VolumeAnswer,
} from '../types.ts';

const REFRESH_MS = 60_000;

const insightsKey = ['insights'] as const;

/** A dashboard's question: words only (no lists), some left out. */
type Question = Record<string, string | undefined>;

const queryString = (query: Question) =>
  new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

/** One dashboard: its hook (JSON) and the address of its CSV for the same question. */
function dashboard<Query extends Question, Answer>(name: string) {
  const path = `/insights/${name}`;
  return {
    useAnswer: (query: Query) => useQuery({
      queryKey: [...insightsKey, name, query],
      queryFn: () => api.get<Answer>(path, query),
      placeholderData: keepPreviousData,
      refetchInterval: REFRESH_MS,
    }),
    /** The browser downloads it with the session's cookie. */
    csvUrl: (query: Query) => `/api${path}?${queryString({ ...query, format: 'csv' })}`,
  };
}

type Query<Extra = object> = InsightsQuery & Extra;

export const volumeDashboard = dashboard<Query<{ interval: Interval }>, VolumeAnswer>('volume');
export const shareOfVoiceDashboard = dashboard<Query, ShareOfVoiceAnswer>('share-of-voice');
/** Per person a page at a time: `offset` (and `limit`, 50 unless asked) as digits. */
type TableQuery = Query<{ by: Grouping; offset?: string; limit?: string }>;

export const responseTimesDashboard = dashboard<TableQuery, ResponseTimesAnswer>('response-times');
export const slaDashboard = dashboard<TableQuery, SlaAnswer>('sla');
export const participationDashboard = dashboard<Query, ParticipationAnswer>('participation');
export const advocacyDashboard = dashboard<Query, AdvocacyAnswer>('advocacy');
/** A snapshot of now: no days, no comparison. */
export const backlogDashboard = dashboard<{ spokeId?: string }, BacklogAnswer>('backlog');
/** The whole organization's (the hub's only): no spoke. */
export const crisesDashboard = dashboard<Omit<InsightsQuery, 'spokeId'>, CrisesAnswer>('crises');
