// Response times at a glance for the whole view (the organization, or the spoke
// chosen): conversations opened and answered, the median, 90th percentile and average
// time to the first response, the same for resolution, and SLA attainment, each against
// the period before.
import { responseTimesDashboard } from '../api/dashboards.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { countFormat, durationFormat, Figures, FiguresTable, rateFormat, type Figure } from '../panel/figures.tsx';
import type { InsightsQuery, ResponseRow } from '../types.ts';
import { isQuiet, noConversations } from './conversation-rows.ts';

const figures: Figure<ResponseRow>[] = [
  { key: 'opened', label: 'Conversations opened', value: (row) => row.opened, format: countFormat, better: null },
  { key: 'answered', label: 'First responses', value: (row) => row.firstResponse.count, format: countFormat, better: 'up' },
  { key: 'first-response-median', label: 'First response, median', value: (row) => row.firstResponse.medianSeconds, format: durationFormat, better: 'down' },
  { key: 'first-response-p90', label: 'First response, 90th percentile', value: (row) => row.firstResponse.p90Seconds, format: durationFormat, better: 'down' },
  { key: 'first-response-mean', label: 'First response, average', value: (row) => row.firstResponse.meanSeconds, format: durationFormat, better: 'down' },
  { key: 'resolution-median', label: 'Resolution, median', value: (row) => row.resolution.medianSeconds, format: durationFormat, better: 'down' },
  { key: 'resolution-p90', label: 'Resolution, 90th percentile', value: (row) => row.resolution.p90Seconds, format: durationFormat, better: 'down' },
  {
    key: 'first-response-sla', label: 'First responses in time', value: (row) => row.firstResponse.sla.attainment, format: rateFormat, better: 'up',
    hint: (row) => `${row.firstResponse.sla.met} of ${row.firstResponse.sla.met + row.firstResponse.sla.missed} with a due time`,
  },
  {
    key: 'resolution-sla', label: 'Resolved in time', value: (row) => row.resolution.sla.attainment, format: rateFormat, better: 'up',
    hint: (row) => `${row.resolution.sla.met} of ${row.resolution.sla.met + row.resolution.sla.missed} with a due time`,
  },
];

const LABEL = 'Response times';

export function ResponseSummary({ query }: { query: InsightsQuery }) {
  const question = { ...query, by: 'org' as const };
  const answer = responseTimesDashboard.useAnswer(question);
  const overall = (rows: ResponseRow[] | undefined) => rows?.[0];
  return (
    <DashboardPanel id="response-times" title={LABEL} answer={answer} csvUrl={responseTimesDashboard.csvUrl(question)}
      description="From when a conversation was opened to its first public reply (or to “waiting on the customer”), and to its resolution; wall-clock time. Medians and percentiles are read from binned counts, so they are exact to within a few percent."
      emptiness={(data) => (isQuiet(overall(data.rows)) ? noConversations : null)}
      chart={(data) => <Figures label={LABEL} figures={figures} current={overall(data.rows)!} previous={data.previous && overall(data.previous.rows)} />}
      table={(data) => <FiguresTable label={LABEL} figures={figures} current={overall(data.rows)!} previous={data.previous && overall(data.previous.rows)} />} />
  );
}
