import { LineChart } from '../../../ui/line-chart.tsx';
import { ChartFrame } from './chart-frame.tsx';

export interface Line<Row> {
  key: string;
  label: string;
  /** Colours the line (insights.css). */
  className: string;
  value: (row: Row) => number | null;
}

interface OverTimeChartProps<Row> {
  rows: Row[];
  /** Where a row stands on the time axis, and its words, e.g. "3 Jun 2025". */
  pointOf: (row: Row) => { key: string; title: string };
  lines: Line<Row>[];
  /** "day", "week" or "month", for the description. */
  per: string;
  /** The value at the top of the chart. */
  max: number;
  valueText: (value: number) => string;
  height?: number;
}

/** Lines over time with their scale and ends; described for screen readers by the first line's values. */
export function OverTimeChart<Row>({ rows, pointOf, lines, per, max, valueText, height = 140 }: OverTimeChartProps<Row>) {
  const points = rows.map(pointOf);
  const [first] = lines;
  const described = first ? rows.flatMap((row, index) => {
    const value = first.value(row);
    return value === null ? [] : [`${points[index]!.title} ${valueText(value)}`];
  }) : [];
  return (
    <ChartFrame top={valueText(max)} start={points[0]?.title ?? ''} end={points.at(-1)?.title ?? ''} height={height}>
      <LineChart label={`${first?.label ?? 'Values'} per ${per}: ${described.join(', ') || 'none'}`} points={points} max={max} height={height} valueText={valueText}
        series={lines.map((line) => ({ key: line.key, label: line.label, className: line.className, values: rows.map(line.value) }))} />
    </ChartFrame>
  );
}
