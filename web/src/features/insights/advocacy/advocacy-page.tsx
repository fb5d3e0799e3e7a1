// Advocacy: what colleagues' shares achieved in the period: shares, clicks on their
// short links, potential reach and earned media value (always with its worked sum and
// the formula and rates behind it), day by day, against the period before.
import { Table } from '../../../ui/table.tsx';
import { advocacyDashboard } from '../api/dashboards.ts';
import { count, dayWords } from '../insights-format.ts';
import { queryOf, useInsightsView } from '../insights-view.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { countFormat, Figures, type Figure, type FigureFormat } from '../panel/figures.tsx';
import { OverTimeChart, type Line } from '../panel/over-time-chart.tsx';
import type { AdvocacyAnswer, AdvocacyDay, AdvocacyNumbers } from '../types.ts';

function moneyIn(currency: string): (value: number) => string {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    return (value) => format.format(value);
  } catch {
    // A code this browser does not know still reads as a number and the code.
    return (value) => `${value.toFixed(2)} ${currency}`;
  }
}

function figuresIn(currency: string): Figure<AdvocacyNumbers>[] {
  const money = moneyIn(currency);
  const moneyFormat: FigureFormat = { show: (value) => (value === null ? '—' : money(value)), words: money, kind: 'amount' };
  return [
    { key: 'shares', label: 'Shares', value: (numbers) => numbers.shares, format: countFormat, better: 'up', hint: (numbers) => `${count(numbers.sharers)} colleagues shared ${count(numbers.stories)} stories` },
    { key: 'clicks', label: 'Clicks', value: (numbers) => numbers.clicks, format: countFormat, better: 'up', hint: (numbers) => `${count(numbers.uniqueClicks)} unique` },
    { key: 'reach', label: 'Potential reach', value: (numbers) => numbers.reach, format: countFormat, better: 'up', hint: () => 'Followers of the accounts shared to.' },
    {
      key: 'earned-media-value', label: 'Earned media value', value: (numbers) => numbers.earnedMediaValue.value, format: moneyFormat, better: 'up',
      hint: (numbers) => <><code>{numbers.earnedMediaValue.expression}</code> ({numbers.formula.formula})</>,
    },
  ];
}

const lines: Line<AdvocacyDay>[] = [
  { key: 'clicks', label: 'Clicks', className: 'insights-line--first', value: (day) => day.clicks },
  { key: 'shares', label: 'Shares', className: 'insights-line--second', value: (day) => day.shares },
];

function AdvocacyTable({ answer }: { answer: AdvocacyAnswer }) {
  return (
    <Table caption="Advocacy per day" rowKey={(day) => day.day} rows={answer.days.filter((day) => day.shares + day.clicks > 0).reverse()} columns={[
      { header: 'Day', cell: (day) => dayWords(day.day) },
      { header: 'Shares', cell: (day) => count(day.shares) },
      { header: 'Clicks', cell: (day) => count(day.clicks) },
      { header: 'Unique clicks', cell: (day) => count(day.uniqueClicks) },
      { header: 'Reach', cell: (day) => count(day.reach) },
    ]} />
  );
}

export function AdvocacyPage() {
  const [view] = useInsightsView();
  const query = queryOf(view);
  const answer = advocacyDashboard.useAnswer(query);
  return (
    <div className="insights-panels">
      <DashboardPanel id="advocacy" title="Advocacy" answer={answer} csvUrl={advocacyDashboard.csvUrl(query)}
        description="Colleagues’ shares of stories: each counts on the day it went out, with the clicks its short link earned."
        emptiness={(data) => (data.shares + data.clicks > 0 ? null : { title: 'No shares in this period.', text: 'Numbers appear once colleagues share stories from the advocacy feed.' })}
        summary={(data) => <Figures label="Advocacy" figures={figuresIn(data.earnedMediaValue.currency)} current={data} previous={data.previous} />}
        chart={(data) => (
          <OverTimeChart rows={data.days} pointOf={(day) => ({ key: day.day, title: dayWords(day.day) })} lines={lines} per="day"
            max={Math.max(1, ...data.days.map((day) => Math.max(day.clicks, day.shares)))} valueText={count} />
        )}
        table={(data) => <AdvocacyTable answer={data} />} />
    </div>
  );
}
