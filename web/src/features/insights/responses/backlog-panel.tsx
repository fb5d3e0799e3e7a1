// The backlog now, per spoke and the hub queue: open conversations (a bar each, most
// first), how many nobody has yet, how many are past a due time, and how long the
// customers have waited. A snapshot: the period does not change it.
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Table } from '../../../ui/table.tsx';
import { backlogDashboard } from '../api/dashboards.ts';
import { count, durationWords } from '../insights-format.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { Duration } from '../panel/duration.tsx';
import { countFormat, Figures, type Figure } from '../panel/figures.tsx';
import type { BacklogAnswer, BacklogRow } from '../types.ts';

const sum = (rows: BacklogRow[], pick: (row: BacklogRow) => number) => rows.reduce((total, row) => total + pick(row), 0);

const figures: Figure<BacklogRow[]>[] = [
  { key: 'backlog-open', label: 'Open now', value: (rows) => sum(rows, (row) => row.open), format: countFormat, better: 'down' },
  { key: 'backlog-unassigned', label: 'Nobody has yet', value: (rows) => sum(rows, (row) => row.unassigned), format: countFormat, better: 'down' },
  { key: 'backlog-overdue', label: 'Past a due time', value: (rows) => sum(rows, (row) => row.overdue), format: countFormat, better: 'down' },
];

const byOpen = (answer: BacklogAnswer) => answer.spokes.filter((row) => row.open > 0).sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
const waitWords = (row: BacklogRow) => (row.oldestWaitSeconds === null ? '' : `, the longest for ${durationWords(row.oldestWaitSeconds)}`);

export function BacklogPanel({ spokeId }: { spokeId: string }) {
  const question = spokeId ? { spokeId } : {};
  const answer = backlogDashboard.useAnswer(question);
  return (
    <DashboardPanel id="backlog" title="Backlog and its age" answer={answer} csvUrl={backlogDashboard.csvUrl(question)}
      description="Open conversations now, per spoke and the hub queue, and how long their customers have waited since their last post; not limited to the period."
      emptiness={(data) => (byOpen(data).length > 0 ? null : { title: 'Nothing is waiting.', text: 'Every conversation in view is answered, waiting on the customer, or resolved.' })}
      summary={(data) => <Figures label="The backlog now" figures={figures} current={data.spokes} />}
      chart={(data) => (
        <LabelledBars label="Open conversations per spoke" bars={byOpen(data).map((row) => ({
          key: row.spokeId ?? 'hub', label: row.name, value: row.open, valueText: `${count(row.open)} open${waitWords(row)}`,
        }))} />
      )}
      table={(data) => (
        <Table caption="Backlog per spoke" rowKey={(row) => row.spokeId ?? 'hub'} rows={byOpen(data)} columns={[
          { header: 'Queue', cell: (row) => row.name },
          { header: 'Open', cell: (row) => count(row.open) },
          { header: 'Nobody has yet', cell: (row) => count(row.unassigned) },
          { header: 'Past a due time', cell: (row) => count(row.overdue) },
          { header: 'Longest wait', cell: (row) => <Duration seconds={row.oldestWaitSeconds} /> },
          { header: 'Median wait', cell: (row) => <Duration seconds={row.medianWaitSeconds} /> },
        ]} />
      )} />
  );
}
