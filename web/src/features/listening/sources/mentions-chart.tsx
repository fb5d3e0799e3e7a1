// A tiny bar chart of mentions per day over the last week.
import { BarChart, lastUtcDays } from '../../../ui/bar-chart.tsx';
import type { Source } from '../types.ts';

const days = 7;

export function MentionsChart({ perDay }: { perDay: Source['mentionsPerDay'] }) {
  if (!perDay) return <span aria-label="no data">—</span>;
  const counts = new Map(perDay.map((entry) => [entry.day, entry.count]));
  const bars = lastUtcDays(days).map((day) => ({ key: day, value: counts.get(day) ?? 0, title: `${day}: ${counts.get(day) ?? 0}` }));
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const label = `${total} mentions in the last 7 days: ${bars.map((bar) => `${bar.key} ${bar.value}`).join(', ')}`;

  return (
    <span className="mentions-chart">
      <BarChart label={label} bars={bars} />
      <span className="mentions-chart__total" aria-hidden="true">{total}</span>
    </span>
  );
}
