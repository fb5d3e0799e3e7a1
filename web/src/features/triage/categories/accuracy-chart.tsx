// How often the model was right, per day: a bar per day from the first measured day
// (or two weeks back) to today, days without new labels left empty; or the same
// numbers as a table, for reading them exactly.
import { useState } from 'react';
import { BarChart, lastUtcDays } from '../../../ui/bar-chart.tsx';
import { Button } from '../../../ui/button.tsx';
import { Table } from '../../../ui/table.tsx';
import type { AccuracyDay } from '../types.ts';

const chartWidth = 560;
const chartHeight = 120;
const gap = 2;
const minDays = 14;
const maxDays = 90;

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

/** Every UTC day from the first measured one to today: at least two weeks, at most `maxDays`. */
function daysSince(first: string): string[] {
  const days = Math.floor((Date.now() - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
  return lastUtcDays(Math.min(maxDays, Math.max(minDays, days)));
}

export function AccuracyChart({ perDay }: { perDay: AccuracyDay[] }) {
  const [asTable, setAsTable] = useState(false);
  const byDay = new Map(perDay.map((entry) => [entry.day, entry]));
  const days = daysSince(perDay[0]!.day);
  const bars = days.map((day) => {
    const entry = byDay.get(day);
    const accuracy = entry?.accuracy ?? null;
    return {
      key: day,
      value: accuracy,
      title: entry ? `${day}: ${percent(accuracy)} (${entry.correct} of ${entry.tested} right)` : `${day}: no new labels`,
    };
  });
  const barWidth = Math.max(3, Math.min(24, Math.floor(chartWidth / days.length) - gap));
  const label = `Accuracy per day: ${perDay.map((entry) => `${entry.day} ${percent(entry.accuracy)}`).join(', ')}`;

  return (
    <figure className="accuracy-chart">
      <figcaption className="accuracy-chart__caption">
        <span>Accuracy per day: how often the model guessed a new label right before learning it.</span>
        <Button variant="quiet" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </figcaption>
      {asTable
        ? (
          <Table caption="Accuracy per day" rows={[...perDay].reverse()} rowKey={(entry) => entry.day} columns={[
            { header: 'Day', cell: (entry) => entry.day },
            { header: 'Accuracy', cell: (entry) => percent(entry.accuracy) },
            { header: 'Right', cell: (entry) => `${entry.correct} of ${entry.tested}` },
            { header: 'Examples', cell: (entry) => entry.examples },
          ]} />
        )
        : (
          <div className="accuracy-chart__plot">
            <span className="accuracy-chart__axis" aria-hidden="true" style={{ height: chartHeight }}><span>100 %</span><span>50 %</span><span>0 %</span></span>
            <div>
              <BarChart label={label} bars={bars} max={1} height={chartHeight} barWidth={barWidth} gap={gap} guides={[0.5, 1]} />
              <div className="accuracy-chart__days" aria-hidden="true"><span>{days[0]}</span>{days.length > 1 && <span>{days.at(-1)}</span>}</div>
            </div>
          </div>
        )}
    </figure>
  );
}
