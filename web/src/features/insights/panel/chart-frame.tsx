import type { ReactNode } from 'react';

interface ChartFrameProps {
  /** The value at the top of the chart, in words. */
  top: string;
  /** The first and last points in words, under the chart's ends. */
  start: string;
  end: string;
  /** The chart's height, so the axis labels stand at its top and bottom. */
  height: number;
  children: ReactNode;
}

/** A chart with its scale (top and zero) beside it and where it starts and ends beneath it; the words are for the eye (the chart describes itself). */
export function ChartFrame({ top, start, end, height, children }: ChartFrameProps) {
  return (
    <div className="insights-chart">
      <span className="insights-chart__axis" aria-hidden="true" style={{ height }}><span>{top}</span><span>0</span></span>
      <div className="insights-chart__plot">
        {children}
        <div className="insights-chart__ends" aria-hidden="true"><span>{start}</span>{end !== start && <span>{end}</span>}</div>
      </div>
    </div>
  );
}

const CHART_WIDTH = 640;

/** Bars as wide as fits the chart's width (1 to 24 px), with a gap unless there are very many. */
export function barSizes(bars: number): { barWidth: number; gap: number } {
  const gap = bars > 120 ? 0 : 2;
  return { barWidth: Math.max(1, Math.min(24, Math.floor(CHART_WIDTH / Math.max(1, bars)) - gap)), gap };
}
