// The range day by day: one bar a day for the number chosen (clicks by the day they
// came, shares and reach by the day they went out; a bar a week beyond three months),
// or every day's numbers as a table, for reading them exactly.
import { useState } from 'react';
import { BarChart } from '../../../ui/bar-chart.tsx';
import { Button } from '../../../ui/button.tsx';
import { Table } from '../../../ui/table.tsx';
import type { MeasurementDay } from '../types.ts';
import { count } from './impact-numbers.ts';

const series = [
  { key: 'clicks', label: 'Clicks' },
  { key: 'uniqueClicks', label: 'Unique clicks' },
  { key: 'shares', label: 'Shares' },
  { key: 'reach', label: 'Reach' },
] as const;
type Series = (typeof series)[number]['key'];

const chartWidth = 640;
const chartHeight = 120;
/** Longer ranges are drawn a week a bar, so the chart stays readable without scrolling far. */
const mostDailyBars = 92;

interface Bin { key: string; title: string; numbers: Record<Series, number> }

/** The days as bars: one a day, or for long ranges one per 7 days from the first, summed. */
function binsOf(days: MeasurementDay[]): Bin[] {
  const size = days.length > mostDailyBars ? 7 : 1;
  const bins: Bin[] = [];
  for (let start = 0; start < days.length; start += size) {
    const slice = days.slice(start, start + size);
    const first = slice[0]!.day;
    const last = slice.at(-1)!.day;
    const numbers = { clicks: 0, uniqueClicks: 0, shares: 0, reach: 0 };
    for (const day of slice) for (const key of Object.keys(numbers) as Series[]) numbers[key] += day[key];
    bins.push({ key: first, title: first === last ? first : `${first} – ${last}`, numbers });
  }
  return bins;
}

export function ImpactChart({ days }: { days: MeasurementDay[] }) {
  const [shown, setShown] = useState<Series>('clicks');
  const [asTable, setAsTable] = useState(false);
  const label = series.find((entry) => entry.key === shown)!.label;
  const bins = binsOf(days);
  const weekly = bins.length < days.length;
  const gap = bins.length > 120 ? 0 : 2;
  const barWidth = Math.max(1, Math.min(24, Math.floor(chartWidth / bins.length) - gap));
  const bars = bins.map((bin) => ({ key: bin.key, value: bin.numbers[shown], title: `${bin.title}: ${count(bin.numbers[shown])} ${label.toLowerCase()}` }));
  const top = Math.max(1, ...bars.map((bar) => bar.value));
  const description = `${label} per ${weekly ? 'week' : 'day'}: ${bins.filter((bin) => bin.numbers[shown] > 0).map((bin) => `${bin.title} ${count(bin.numbers[shown])}`).join(', ') || 'none'}`;

  return (
    <figure className="impact-chart">
      <figcaption className="impact-chart__caption">
        <span className="impact-chart__series" role="group" aria-label={`Number per ${weekly ? 'week' : 'day'}`}>
          {series.map((entry) => (
            <Button key={entry.key} variant={entry.key === shown ? 'primary' : 'secondary'} aria-pressed={entry.key === shown} onClick={() => setShown(entry.key)}>
              {entry.label}
            </Button>
          ))}
        </span>
        <Button variant="quiet" aria-pressed={asTable} onClick={() => setAsTable((table) => !table)}>{asTable ? 'Show as chart' : 'Show as table'}</Button>
      </figcaption>
      {asTable ? (
        <Table caption="Per day" rows={days.filter((day) => day.shares || day.clicks).reverse()} rowKey={(day) => day.day} columns={[
          { header: 'Day', cell: (day) => day.day },
          { header: 'Shares', cell: (day) => count(day.shares) },
          { header: 'Clicks', cell: (day) => count(day.clicks) },
          { header: 'Unique clicks', cell: (day) => count(day.uniqueClicks) },
          { header: 'Reach', cell: (day) => count(day.reach) },
        ]} />
      ) : (
        <div className="impact-chart__plot">
          <span className="impact-chart__axis" aria-hidden="true" style={{ height: chartHeight }}><span>{count(top)}</span><span>0</span></span>
          <div className="impact-chart__scroll">
            <BarChart label={description} bars={bars} max={top} height={chartHeight} barWidth={barWidth} gap={gap} guides={[top / 2, top]} />
            <div className="impact-chart__days" aria-hidden="true"><span>{days[0]?.day}</span>{days.length > 1 && <span>{days.at(-1)?.day}</span>}</div>
          </div>
        </div>
      )}
    </figure>
  );
}
