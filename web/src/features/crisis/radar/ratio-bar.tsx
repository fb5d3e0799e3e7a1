// A topic's volume against its baseline as a bar: the mark at 1× is "as expected",
// past it the bar turns to warning (2×) and danger (3×). The number beside it says the
// same in words, so the bar itself is hidden from screen readers.
import { formatRatio } from '../crisis-format.ts';

const warnAt = 2;
const dangerAt = 3;

export function RatioBar({ ratio, scale }: { ratio: number | null; scale: number }) {
  const tone = ratio === null ? 'none' : ratio >= dangerAt ? 'danger' : ratio >= warnAt ? 'warn' : 'calm';
  return (
    <span className="ratio-bar" data-tone={tone}>
      <span className="ratio-bar__track" aria-hidden="true">
        {ratio !== null && <span className="ratio-bar__bar" style={{ width: `${Math.min(100, (ratio / scale) * 100)}%` }} />}
        <span className="ratio-bar__expected" style={{ left: `${(1 / scale) * 100}%` }} />
      </span>
      <span className="ratio-bar__value">{formatRatio(ratio)}</span>
    </span>
  );
}

/** The ratio a full bar stands for: at least 3×, so a quiet radar does not look alarming. */
export const ratioScale = (ratios: readonly (number | null)[]) => Math.max(dangerAt, ...ratios.map((ratio) => ratio ?? 0));
