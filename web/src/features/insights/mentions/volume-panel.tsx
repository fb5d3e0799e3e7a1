// Mention volume and sentiment over time: the range's mentions per hour, day, week or
// month stacked negative, neutral and positive (spam beside them, not in them), with
// the totals against the period before; or every bucket as a table.
import { useState } from 'react';
import { SelectField } from '../../../ui/field.tsx';
import { StackedBarChart, type StackedSeries } from '../../../ui/stacked-bar-chart.tsx';
import { Table } from '../../../ui/table.tsx';
import { volumeDashboard } from '../api/dashboards.ts';
import { bucketWords, count } from '../insights-format.ts';
import { daysIn, type DayRange } from '../insights-view.ts';
import { barSizes, ChartFrame } from '../panel/chart-frame.tsx';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { countFormat, Figures, type Figure } from '../panel/figures.tsx';
import type { InsightsQuery, Interval, Sentiments, VolumeAnswer } from '../types.ts';

const sentiments = ['negative', 'neutral', 'positive'] as const;
const series: StackedSeries[] = sentiments.map((key) => ({ key, label: key[0]!.toUpperCase() + key.slice(1), className: `insights-sentiment--${key}` }));
const CHART_HEIGHT = 140;
/** Hourly charts are for ranges of up to 31 days (the server's limit). */
const MAX_HOURLY_DAYS = 31;
const intervalLabels: Record<Interval, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

const figures: Figure<Sentiments>[] = [
  { key: 'mentions', label: 'Mentions', value: (numbers) => numbers.total, format: countFormat, better: null, hint: (numbers) => `and ${count(numbers.spam)} spam, not counted` },
  { key: 'negative', label: 'Negative', value: (numbers) => numbers.negative, format: countFormat, better: 'down' },
  { key: 'neutral', label: 'Neutral', value: (numbers) => numbers.neutral, format: countFormat, better: null },
  { key: 'positive', label: 'Positive', value: (numbers) => numbers.positive, format: countFormat, better: 'up' },
];

/** Every mention of the range together (no topic asked for: one row). */
const totalsOf = (numbers: Pick<VolumeAnswer, 'totals'>): Sentiments => numbers.totals[0] ?? { negative: 0, neutral: 0, positive: 0, total: 0, spam: 0 };
const describe = (point: VolumeAnswer['series'][number], interval: Interval) =>
  `${bucketWords(point.bucket, interval)}: ${count(point.total)} mentions (${point.negative} negative, ${point.neutral} neutral, ${point.positive} positive)`;

function VolumeChart({ answer }: { answer: VolumeAnswer }) {
  const points = answer.series;
  const top = Math.max(1, ...points.map((point) => point.total));
  const busiest = points.find((point) => point.total === top);
  const label = `${count(totalsOf(answer).total)} mentions per ${answer.interval}${busiest && busiest.total > 0 ? `; the busiest, ${describe(busiest, answer.interval)}` : ''}`;
  return (
    <ChartFrame top={count(top)} start={points[0] ? bucketWords(points[0].bucket, answer.interval) : ''} end={points.at(-1) ? bucketWords(points.at(-1)!.bucket, answer.interval) : ''} height={CHART_HEIGHT}>
      <StackedBarChart label={label} series={series} height={CHART_HEIGHT} max={top} {...barSizes(points.length)}
        bars={points.map((point) => ({ key: point.bucket, title: describe(point, answer.interval), values: sentiments.map((key) => point[key]) }))} />
    </ChartFrame>
  );
}

function VolumeTable({ answer }: { answer: VolumeAnswer }) {
  return (
    <Table caption={`Mentions per ${answer.interval}`} rowKey={(point) => point.bucket} rows={answer.series.filter((point) => point.total + point.spam > 0).reverse()} columns={[
      { header: intervalLabels[answer.interval], cell: (point) => bucketWords(point.bucket, answer.interval) },
      { header: 'Mentions', cell: (point) => count(point.total) },
      { header: 'Negative', cell: (point) => count(point.negative) },
      { header: 'Neutral', cell: (point) => count(point.neutral) },
      { header: 'Positive', cell: (point) => count(point.positive) },
      { header: 'Spam', cell: (point) => count(point.spam) },
    ]} />
  );
}

/** Days for up to three months, weeks beyond; hours only where the server draws them. */
const defaultInterval = (range: DayRange): Interval => (daysIn(range) > 92 ? 'week' : 'day');

export function VolumePanel({ query }: { query: InsightsQuery }) {
  const [chosen, setChosen] = useState<Interval | null>(null);
  const hourly = daysIn(query) <= MAX_HOURLY_DAYS;
  const interval = chosen === 'hour' && !hourly ? 'day' : (chosen ?? defaultInterval(query));
  const question = { ...query, interval };
  const answer = volumeDashboard.useAnswer(question);
  return (
    <DashboardPanel id="volume" title="Mention volume and sentiment" answer={answer} csvUrl={volumeDashboard.csvUrl(question)}
      description="Mentions by when they were posted (UTC) and the sentiment triage gave them. For one spoke: the mentions about it (its store or place)."
      controls={<SelectField label="Per" value={interval} onChange={(event) => setChosen(event.target.value as Interval)}
        options={(Object.keys(intervalLabels) as Interval[]).filter((option) => option !== 'hour' || hourly).map((option) => ({ value: option, label: intervalLabels[option] }))} />}
      emptiness={(data) => (totalsOf(data).total + totalsOf(data).spam > 0 ? null : {
        title: 'No mentions in this period.', text: 'Mentions count once triage has judged them, on the day they were posted.',
      })}
      summary={(data) => <Figures label="Mentions" figures={figures} current={totalsOf(data)} previous={data.previous && totalsOf(data.previous)} />}
      chart={(data) => <VolumeChart answer={data} />}
      table={(data) => <VolumeTable answer={data} />} />
  );
}
