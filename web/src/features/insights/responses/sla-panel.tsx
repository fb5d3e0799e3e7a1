// SLA attainment split up: of the conversations with a due time from an SLA policy,
// the share answered (and resolved) by then, per spoke or person (a bar a row) or over
// time (lines), with the counts behind each rate in the table.
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Table } from '../../../ui/table.tsx';
import { slaDashboard } from '../api/dashboards.ts';
import { count, percent } from '../insights-format.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { GroupingSelect, type RowGrouping } from '../panel/grouping-select.tsx';
import { OverTimeChart, type Line } from '../panel/over-time-chart.tsx';
import { usePersonPages } from '../panel/person-pages.ts';
import { RowsPager } from '../panel/rows-pager.tsx';
import type { InsightsQuery, Sla, SlaAnswer, SlaRow } from '../types.ts';
import { groupingWords, isOverTime, rowLabel } from './conversation-rows.ts';

const due = (sla: Sla) => sla.met + sla.missed;
const metWords = (sla: Sla) => (due(sla) === 0 ? 'nothing due' : `${percent(sla.attainment)} (${count(sla.met)} of ${count(due(sla))})`);
const measured = (row: SlaRow) => due(row.firstResponse) + due(row.resolution) > 0;

const overTimeLines: Line<SlaRow>[] = [
  { key: 'first-response', label: 'First responses in time', className: 'insights-line--first', value: (row) => row.firstResponse.attainment },
  { key: 'resolution', label: 'Resolved in time', className: 'insights-line--second', value: (row) => row.resolution.attainment },
];

function SlaTable({ answer, grouping }: { answer: SlaAnswer; grouping: RowGrouping }) {
  return (
    <Table caption={`SLA attainment per ${grouping}`} rowKey={(row) => row.key ?? 'hub'} rows={isOverTime(grouping) ? answer.rows : answer.rows.filter(measured)} columns={[
      { header: groupingWords[grouping], cell: (row) => rowLabel(row, grouping) },
      { header: 'First responses due', cell: (row) => count(due(row.firstResponse)) },
      { header: 'In time', cell: (row) => count(row.firstResponse.met) },
      { header: 'Late', cell: (row) => count(row.firstResponse.missed) },
      { header: 'Attainment', cell: (row) => percent(row.firstResponse.attainment) },
      { header: 'Resolutions due', cell: (row) => count(due(row.resolution)) },
      { header: 'Resolved in time', cell: (row) => count(row.resolution.met) },
      { header: 'Resolved late', cell: (row) => count(row.resolution.missed) },
      { header: 'Resolution attainment', cell: (row) => percent(row.resolution.attainment) },
    ]} />
  );
}

export function SlaPanel({ query }: { query: InsightsQuery }) {
  const pages = usePersonPages();
  const question = { ...query, ...pages.question };
  const answer = slaDashboard.useAnswer(question);
  return (
    <DashboardPanel id="sla" title="SLA attainment" answer={answer} csvUrl={slaDashboard.csvUrl(question)}
      description="Of the conversations whose SLA policy set a due time, the share answered (and resolved) by then."
      controls={<GroupingSelect value={pages.grouping} onChange={pages.setGrouping} />}
      emptiness={(data) => (data.rows.some(measured) ? null : {
        title: 'Nothing was due in this period.',
        text: 'Attainment counts conversations with a due time from an SLA policy, when they are answered or resolved.',
      })}
      chart={(data) => (isOverTime(data.by) ? (
        <OverTimeChart rows={data.rows} pointOf={(row) => ({ key: row.key ?? '', title: rowLabel(row, data.by) })} lines={overTimeLines} per={data.by} max={1} valueText={percent} />
      ) : (
        <LabelledBars label={`First responses in time per ${data.by}`} max={1} bars={data.rows.filter(measured).map((row) => ({
          key: row.key ?? 'hub', label: rowLabel(row, data.by), value: row.firstResponse.attainment ?? 0, valueText: metWords(row.firstResponse),
        }))} />
      ))}
      table={(data) => <SlaTable answer={data} grouping={data.by as RowGrouping} />}
      footer={(data) => <RowsPager answer={data} offset={pages.offset} onOffset={pages.setOffset} />} />
  );
}
