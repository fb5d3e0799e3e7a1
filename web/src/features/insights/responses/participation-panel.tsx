// Who answered: per department (the spokes of the people who wrote the replies) the
// replies and first responses, and how many of its members answered at all, so the hub
// sees the programme reach beyond marketing. Someone in two spokes counts in both.
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Table } from '../../../ui/table.tsx';
import { participationDashboard } from '../api/dashboards.ts';
import { count, percent } from '../insights-format.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { countFormat, Figures, type Figure } from '../panel/figures.tsx';
import type { InsightsQuery, ParticipationRow } from '../types.ts';

const answered = (rows: ParticipationRow[]) => rows.filter((row) => row.replies > 0);

const figures: Figure<ParticipationRow[]>[] = [
  { key: 'departments-answering', label: 'Spokes that answered', value: (rows) => answered(rows).filter((row) => row.spokeId !== null).length, format: countFormat, better: 'up' },
  { key: 'repliers', label: 'People who answered', value: (rows) => rows.reduce((sum, row) => sum + row.repliers, 0), format: countFormat, better: 'up', hint: () => 'Someone in two spokes counts twice.' },
];

const memberWords = (row: ParticipationRow) => (row.members === null ? `${count(row.repliers)} ${row.repliers === 1 ? 'person' : 'people'}` : `${count(row.repliers)} of ${count(row.members)} members`);

export function ParticipationPanel({ query }: { query: InsightsQuery }) {
  const answer = participationDashboard.useAnswer(query);
  return (
    <DashboardPanel id="participation" title="Who answered" answer={answer} csvUrl={participationDashboard.csvUrl(query)}
      description="Replies per department of the people who wrote them: does answering reach beyond marketing?"
      emptiness={(data) => (answered(data.spokes).length > 0 ? null : { title: 'Nobody answered in this period.', text: 'Replies count here once they are published (or sent by hand).' })}
      summary={(data) => <Figures label="Participation" figures={figures} current={data.spokes} previous={data.previous?.spokes} />}
      chart={(data) => (
        <LabelledBars label="Replies per spoke" bars={answered(data.spokes).sort((a, b) => b.replies - a.replies).map((row) => ({
          key: row.spokeId ?? 'none', label: row.name, value: row.replies, valueText: `${count(row.replies)} by ${memberWords(row)}`,
        }))} />
      )}
      table={(data) => (
        <Table caption="Who answered, per spoke" rowKey={(row) => row.spokeId ?? 'none'} rows={data.spokes} columns={[
          { header: 'Spoke', cell: (row) => row.name },
          { header: 'Members', cell: (row) => (row.members === null ? '—' : count(row.members)) },
          { header: 'Answered', cell: (row) => count(row.repliers) },
          { header: 'Share of members', cell: (row) => percent(row.participation) },
          { header: 'Replies', cell: (row) => count(row.replies) },
          { header: 'First responses', cell: (row) => count(row.firstResponses) },
        ]} />
      )} />
  );
}
