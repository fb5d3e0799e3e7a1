// Crises per month: the crises opened across the organization, and the alerts the crisis
// detectors raised (how many were acknowledged), against the period before. The hub's
// only: the spoke picker does not apply.
import { BarChart } from '../../../ui/bar-chart.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { Table } from '../../../ui/table.tsx';
import { crisesDashboard } from '../api/dashboards.ts';
import { count, monthWords } from '../insights-format.ts';
import { queryOf, useInsightsView } from '../insights-view.ts';
import { barSizes, ChartFrame } from '../panel/chart-frame.tsx';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { countFormat, Figures, type Figure } from '../panel/figures.tsx';
import type { CrisesAnswer } from '../types.ts';
import { useInsightsAccess } from '../use-insights-access.ts';

const CHART_HEIGHT = 120;

const figures: Figure<Pick<CrisesAnswer, 'crises' | 'alerts'>>[] = [
  { key: 'crises-opened', label: 'Crises opened', value: (numbers) => numbers.crises, format: countFormat, better: 'down' },
  { key: 'crisis-alerts', label: 'Crisis alerts', value: (numbers) => numbers.alerts, format: countFormat, better: 'down' },
];

function CrisesChart({ answer }: { answer: CrisesAnswer }) {
  const top = Math.max(1, ...answer.months.map((month) => month.crises));
  const label = `Crises opened per month: ${answer.months.map((month) => `${monthWords(month.month)} ${count(month.crises)}`).join(', ')}`;
  const first = answer.months[0];
  const last = answer.months.at(-1);
  return (
    <ChartFrame top={count(top)} start={first ? monthWords(first.month) : ''} end={last ? monthWords(last.month) : ''} height={CHART_HEIGHT}>
      <BarChart label={label} max={top} height={CHART_HEIGHT} {...barSizes(answer.months.length)}
        bars={answer.months.map((month) => ({ key: month.month, value: month.crises, title: `${monthWords(month.month)}: ${count(month.crises)} crises opened; ${count(month.alerts)} alerts, ${count(month.acknowledged)} acknowledged` }))} />
    </ChartFrame>
  );
}

function CrisesDashboard() {
  const [view] = useInsightsView();
  const { spokeId: _everySpoke, ...query } = queryOf(view);
  const answer = crisesDashboard.useAnswer(query);
  return (
    <div className="insights-panels">
      <DashboardPanel id="crises" title="Crises per month" answer={answer} csvUrl={crisesDashboard.csvUrl(query)}
        description="Crises opened (crisis rooms) and the alerts the crisis detectors raised, by month, for the whole organization (whatever spoke is chosen)."
        emptiness={(data) => (data.crises + data.alerts > 0 ? null : { title: 'No crises or crisis alerts in this period.', text: 'The crisis radar raises alerts when a topic spikes, turns negative or a high-reach author joins in; a PR lead opens a crisis from an alert or by hand.' })}
        summary={(data) => <Figures label="Crises" figures={figures} current={data} previous={data.previous} />}
        chart={(data) => <CrisesChart answer={data} />}
        table={(data) => (
          <Table caption="Crises and crisis alerts per month" rowKey={(month) => month.month} rows={data.months} columns={[
            { header: 'Month', cell: (month) => monthWords(month.month) },
            { header: 'Crises opened', cell: (month) => count(month.crises) },
            { header: 'Alerts', cell: (month) => count(month.alerts) },
            { header: 'Acknowledged', cell: (month) => count(month.acknowledged) },
          ]} />
        )} />
    </div>
  );
}

export function CrisesPage() {
  const access = useInsightsAccess();
  if (!access.wholeOrganization) {
    return <EmptyState title="Crises are measured for the whole organization.">Hub admins, PR leads and analysts see the crises and crisis alerts per month.</EmptyState>;
  }
  return <CrisesDashboard />;
}
