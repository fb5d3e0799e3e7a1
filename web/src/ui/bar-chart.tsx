// A small bar chart in SVG: one bar a value, each with its own tooltip, and the whole
// chart described in words for screen readers (`label`). A bar without a value (null
// or 0) is drawn as a thin baseline, so gaps read as "nothing" rather than missing.
export interface Bar {
  key: string;
  value: number | null;
  /** The tooltip, e.g. "2024-05-01: 12". */
  title: string;
}

interface BarChartProps {
  /** What the chart shows, with its numbers, for people who cannot see it. */
  label: string;
  bars: Bar[];
  /** The value of a full-height bar; the largest bar (at least 1) when not given. */
  max?: number;
  height?: number;
  barWidth?: number;
  gap?: number;
  /** Values to draw faint horizontal lines at, e.g. 0.5 for half. */
  guides?: number[];
  className?: string;
}

export function BarChart({ label, bars, max, height = 24, barWidth = 8, gap = 2, guides = [], className }: BarChartProps) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const width = Math.max(1, bars.length * (barWidth + gap) - gap);
  const heightOf = (value: number) => (value / top) * height;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}
      className={['bar-chart', className].filter(Boolean).join(' ')}>
      {guides.map((guide) => (
        <line key={guide} className="bar-chart__guide" x1={0} x2={width} y1={height - heightOf(guide)} y2={height - heightOf(guide)} />
      ))}
      {bars.map((bar, index) => {
        const empty = !bar.value;
        const barHeight = empty ? 1 : Math.max(2, heightOf(bar.value!));
        return (
          <rect key={bar.key} x={index * (barWidth + gap)} y={height - barHeight} width={barWidth} height={barHeight}
            className={empty ? 'bar-chart__bar bar-chart__bar--zero' : 'bar-chart__bar'}>
            <title>{bar.title}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** The last `count` UTC days as "YYYY-MM-DD", oldest first (the server counts by UTC day). */
export function lastUtcDays(count: number, today = new Date()): string[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (count - 1 - index)));
    return day.toISOString().slice(0, 10);
  });
}
