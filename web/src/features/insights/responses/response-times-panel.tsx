// Response times split up: per spoke or person (a bar a row, the median first response,
// with the 90th percentile beside it) or over time (the median and 90th percentile of
// the first response as lines, day by day, week by week or month by month). The table
// has every time, and per spoke or person how the median moved since the period before.
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { responseTimesDashboard } from '../api/dashboards.ts';
import { count, durationWords } from '../insights-format.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { Delta } from '../panel/delta.tsx';
import { Duration } from '../panel/duration.tsx';
import { GroupingSelect, type RowGrouping } from '../panel/grouping-select.tsx';
import { OverTimeChart, type Line } from '../panel/over-time-chart.tsx';
import { usePersonPages } from '../panel/person-pages.ts';
import { RowsPager } from '../panel/rows-pager.tsx';
import type { InsightsQuery, ResponseRow, ResponseTimesAnswer } from '../types.ts';
import { groupingWords, isOverTime, isQuiet, noConversations, rowLabel } from './conversation-rows.ts';

function columnsOf(grouping: RowGrouping, previous: Map<string | null, ResponseRow> | null): Column<ResponseRow>[] {
  const before = (row: ResponseRow) => previous?.get(row.key)?.firstResponse.medianSeconds ?? null;
  return [
    { header: groupingWords[grouping], cell: (row) => rowLabel(row, grouping) },
    // Opening is nobody's doing: people have no such column.
    ...(grouping === 'person' ? [] : [{ header: 'Opened', cell: (row: ResponseRow) => count(row.opened) }]),
    { header: 'Replies', cell: (row) => count(row.replies) },
    { header: 'First responses', cell: (row) => count(row.firstResponse.count) },
    { header: 'First response, median', cell: (row) => <Duration seconds={row.firstResponse.medianSeconds} /> },
    ...(previous ? [{
      header: 'Median vs before',
      cell: (row: ResponseRow) => {
        const earlier = before(row);
        return <Delta current={row.firstResponse.medianSeconds} previous={earlier} kind="amount" better="down" previousText={earlier === null ? '—' : durationWords(earlier)} />;
      },
    }] : []),
    { header: 'First response, 90th percentile', cell: (row) => <Duration seconds={row.firstResponse.p90Seconds} /> },
    { header: 'First response, average', cell: (row) => <Duration seconds={row.firstResponse.meanSeconds} /> },
    { header: 'Resolved', cell: (row) => count(row.resolution.count) },
    { header: 'Resolution, median', cell: (row) => <Duration seconds={row.resolution.medianSeconds} /> },
    { header: 'Resolution, 90th percentile', cell: (row) => <Duration seconds={row.resolution.p90Seconds} /> },
  ];
}

const overTimeLines: Line<ResponseRow>[] = [
  { key: 'median', label: 'Median first response', className: 'insights-line--first', value: (row) => row.firstResponse.medianSeconds },
  { key: 'p90', label: '90th percentile', className: 'insights-line--second', value: (row) => row.firstResponse.p90Seconds },
];

function OverTime({ answer, grouping }: { answer: ResponseTimesAnswer; grouping: 'day' | 'week' | 'month' }) {
  const top = Math.max(60, ...answer.rows.map((row) => row.firstResponse.p90Seconds ?? row.firstResponse.medianSeconds ?? 0));
  return <OverTimeChart rows={answer.rows} pointOf={(row) => ({ key: row.key ?? '', title: rowLabel(row, grouping) })} lines={overTimeLines} per={grouping} max={top} valueText={durationWords} />;
}

function PerRow({ answer, grouping }: { answer: ResponseTimesAnswer; grouping: 'spoke' | 'person' }) {
  const rows = answer.rows.filter((row) => !isQuiet(row));
  return (
    <LabelledBars label={`Median first response per ${grouping}`} bars={rows.map((row) => ({
      key: row.key ?? 'hub',
      label: rowLabel(row, grouping),
      value: row.firstResponse.medianSeconds ?? 0,
      valueText: row.firstResponse.medianSeconds === null ? 'not answered'
        : `${durationWords(row.firstResponse.medianSeconds)} (p90 ${durationWords(row.firstResponse.p90Seconds ?? row.firstResponse.medianSeconds)})`,
    }))} />
  );
}

function ResponseTable({ answer, grouping }: { answer: ResponseTimesAnswer; grouping: RowGrouping }) {
  // Per spoke only: people come a page at a time, busiest first, and a page of the period before holds others.
  const previous = answer.previous && grouping === 'spoke' ? new Map(answer.previous.rows.map((row) => [row.key, row])) : null;
  return (
    <Table caption={`Response times per ${grouping}`} columns={columnsOf(grouping, previous)} rowKey={(row) => row.key ?? 'hub'}
      rows={isOverTime(grouping) ? answer.rows : answer.rows.filter((row) => !isQuiet(row))} />
  );
}

export function ResponseTimesPanel({ query }: { query: InsightsQuery }) {
  const pages = usePersonPages();
  const question = { ...query, ...pages.question };
  const answer = responseTimesDashboard.useAnswer(question);
  return (
    <DashboardPanel id="response-times-split" title="Response times per spoke, person or time" answer={answer} csvUrl={responseTimesDashboard.csvUrl(question)}
      controls={<GroupingSelect value={pages.grouping} onChange={pages.setGrouping} />}
      emptiness={(data) => (data.rows.every(isQuiet) ? noConversations : null)}
      // Drawn as the answer was grouped (while another grouping loads, the last answer stays).
      chart={(data) => (isOverTime(data.by) ? <OverTime answer={data} grouping={data.by} /> : <PerRow answer={data} grouping={data.by as 'spoke' | 'person'} />)}
      table={(data) => <ResponseTable answer={data} grouping={data.by as RowGrouping} />}
      footer={(data) => <RowsPager answer={data} offset={pages.offset} onOffset={pages.setOffset} />} />
  );
}
