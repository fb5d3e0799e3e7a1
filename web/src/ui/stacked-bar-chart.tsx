// Bars of several parts stacked (mentions by sentiment per five minutes), in SVG: each
// bar has its tooltip, the parts a legend, and the whole chart is described in words
// for screen readers (`label`). Each series brings its own class for its colour. For a
// single value per bar, see bar-chart.tsx.
import './stacked-bar-chart.css';

export interface StackedSeries {
  key: string;
  label: string;
  /** Colours the series' parts and its legend swatch. */
  className: string;
}

export interface StackedBar {
  key: string;
  /** The tooltip, e.g. "14:05: 12 negative, 30 neutral, 4 positive". */
  title: string;
  /** One value per series, in the series' order (bottom first). */
  values: number[];
}

interface StackedBarChartProps {
  label: string;
  series: StackedSeries[];
  bars: StackedBar[];
  /** The total of a full-height bar; the largest total (at least 1) when not given. */
  max?: number;
  height?: number;
  barWidth?: number;
  gap?: number;
}

const totalOf = (bar: StackedBar) => bar.values.reduce((sum, value) => sum + value, 0);

export function StackedBarChart({ label, series, bars, max, height = 120, barWidth = 8, gap = 2 }: StackedBarChartProps) {
  const top = max ?? Math.max(1, ...bars.map(totalOf));
  const width = Math.max(1, bars.length * (barWidth + gap) - gap);
  return (
    <div className="stacked-bar-chart">
      <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <line className="stacked-bar-chart__guide" x1={0} x2={width} y1={height / 2} y2={height / 2} />
        {bars.map((bar, index) => {
          let y = height;
          const x = index * (barWidth + gap);
          return (
            <g key={bar.key}>
              <title>{bar.title}</title>
              {totalOf(bar) === 0 && <rect className="stacked-bar-chart__zero" x={x} y={height - 1} width={barWidth} height={1} />}
              {bar.values.map((value, part) => {
                if (value <= 0) return null;
                const partHeight = (value / top) * height;
                y -= partHeight;
                return <rect key={series[part]?.key ?? part} className={series[part]?.className} x={x} y={y} width={barWidth} height={partHeight} />;
              })}
            </g>
          );
        })}
      </svg>
      <ul className="stacked-bar-chart__legend" aria-hidden="true">
        {series.map((entry) => (
          <li key={entry.key}><svg width="10" height="10"><rect className={entry.className} width="10" height="10" /></svg> {entry.label}</li>
        ))}
      </ul>
    </div>
  );
}
