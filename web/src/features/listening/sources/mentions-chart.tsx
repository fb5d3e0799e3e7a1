// A tiny bar chart of mentions per day over the last week, drawn in SVG.
import type { Source } from '../types.ts';

const days = 7;
const barWidth = 8;
const gap = 2;
const height = 24;

/** The last seven UTC days as "YYYY-MM-DD", oldest first (the server counts by UTC day). */
function lastDays(today = new Date()): string[] {
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1 - index)));
    return day.toISOString().slice(0, 10);
  });
}

export function MentionsChart({ perDay }: { perDay: Source['mentionsPerDay'] }) {
  if (!perDay) return <span aria-label="no data">—</span>;
  const counts = new Map(perDay.map((entry) => [entry.day, entry.count]));
  const bars = lastDays().map((day) => ({ day, count: counts.get(day) ?? 0 }));
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const label = `${total} mentions in the last 7 days: ${bars.map((bar) => `${bar.day} ${bar.count}`).join(', ')}`;

  return (
    <span className="mentions-chart">
      <svg role="img" aria-label={label} width={days * (barWidth + gap)} height={height}
        viewBox={`0 0 ${days * (barWidth + gap)} ${height}`}>
        {bars.map((bar, index) => {
          const barHeight = bar.count === 0 ? 1 : Math.max(2, (bar.count / max) * height);
          return (
            <rect key={bar.day} x={index * (barWidth + gap)} y={height - barHeight} width={barWidth} height={barHeight}
              className={bar.count === 0 ? 'mentions-chart__bar mentions-chart__bar--zero' : 'mentions-chart__bar'}>
              <title>{`${bar.day}: ${bar.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <span className="mentions-chart__total" aria-hidden="true">{total}</span>
    </span>
  );
}
