// Lines over time in SVG (response times day by day, shares and clicks): one line a
// series, a dot a value with its own tooltip, a gap where nothing was measured (null),
// a legend, and the whole chart described in words for screen readers (`label`). For
// counts per bucket, see bar-chart.tsx and stacked-bar-chart.tsx.
import './line-chart.css';

export interface LineSeries {
  key: string;
  label: string;
  /** Colours the line, its dots and its legend swatch (through `color`). */
  className: string;
  /** One value a point, in the points' order; null: nothing measured there. */
  values: (number | null)[];
}

interface LineChartProps {
  /** What the chart shows, with its numbers, for people who cannot see it. */
  label: string;
  /** Along the horizontal axis, each with the start of its tooltips, e.g. "3 Jun 2025". */
  points: { key: string; title: string }[];
  series: LineSeries[];
  /** A value in words for the tooltips, e.g. "12 min". */
  valueText?: (value: number) => string;
  /** The value at the top; the largest value (at least 1) when not given. */
  max?: number;
  width?: number;
  height?: number;
}

type Scale = (value: number) => number;
/** Room around the plot, so dots at its edges are drawn whole. */
const MARGIN = 4;

/** The path of a line: a move to its first value and after each gap, a line to each next value. */
function pathOf(values: (number | null)[], xOf: Scale, yOf: Scale): string {
  return values.map((value, index) => {
    if (value === null) return '';
    const joined = index > 0 && values[index - 1] !== null;
    return `${joined ? 'L' : 'M'}${xOf(index).toFixed(1)} ${yOf(value).toFixed(1)}`;
  }).filter(Boolean).join(' ');
}

export function LineChart({ label, points, series, valueText = String, max, width = 640, height = 140 }: LineChartProps) {
  const top = max ?? Math.max(1, ...series.flatMap((line) => line.values.map((value) => value ?? 0)));
  const xOf: Scale = (index) => (points.length > 1 ? (index * width) / (points.length - 1) : width / 2);
  const yOf: Scale = (value) => height - (value / top) * height;
  const dotRadius = points.length > 60 ? 1.5 : 3;
  return (
    <div className="line-chart">
      <svg role="img" aria-label={label} width={width + 2 * MARGIN} height={height + 2 * MARGIN} viewBox={`${-MARGIN} ${-MARGIN} ${width + 2 * MARGIN} ${height + 2 * MARGIN}`}>
        <line className="line-chart__guide" x1={0} x2={width} y1={height / 2} y2={height / 2} />
        <line className="line-chart__base" x1={0} x2={width} y1={height} y2={height} />
        {series.map((line) => (
          <g key={line.key} className={line.className}>
            <path className="line-chart__line" d={pathOf(line.values, xOf, yOf)} />
            {line.values.map((value, index) => (value === null ? null : (
              <circle key={points[index]?.key ?? index} className="line-chart__dot" cx={xOf(index)} cy={yOf(value)} r={dotRadius}>
                <title>{`${points[index]?.title ?? ''}: ${line.label} ${valueText(value)}`}</title>
              </circle>
            )))}
          </g>
        ))}
      </svg>
      <ul className="line-chart__legend" aria-hidden="true">
        {series.map((line) => (
          <li key={line.key}><svg className={line.className} width="14" height="4"><rect width="14" height="4" /></svg> {line.label}</li>
        ))}
      </ul>
    </div>
  );
}
