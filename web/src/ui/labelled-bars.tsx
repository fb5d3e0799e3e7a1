// Horizontal bars for a few named quantities (points by action, participation by
// spoke): each row shows its name, a bar and its value as text, so the words carry
// the numbers and the bars only draw them (hidden from screen readers). A zero is a
// thin baseline, read as "nothing" rather than missing. For values over time, see
// bar-chart.tsx.
import type { ReactNode } from 'react';
import './labelled-bars.css';

export interface LabelledBar {
  key: string;
  label: ReactNode;
  value: number;
  /** The value as shown, e.g. "42 %". */
  valueText: string;
}

interface LabelledBarsProps {
  /** Names the list for screen readers, e.g. "Points by action". */
  label: string;
  bars: LabelledBar[];
  /** The value of a full bar; the largest value (at least 1) when not given. */
  max?: number;
  className?: string;
}

export function LabelledBars({ label, bars, max, className }: LabelledBarsProps) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <ul className={['labelled-bars', className].filter(Boolean).join(' ')} aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="labelled-bars__row">
          <span className="labelled-bars__label">{bar.label}</span>
          <span className="labelled-bars__track" aria-hidden="true">
            <span className={bar.value > 0 ? 'labelled-bars__bar' : 'labelled-bars__bar labelled-bars__bar--zero'}
              style={{ width: `${Math.min(100, (Math.max(0, bar.value) / top) * 100)}%` }} />
          </span>
          <span className="labelled-bars__value">{bar.valueText}</span>
        </li>
      ))}
    </ul>
  );
}
