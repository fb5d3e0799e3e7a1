// How a number moved since the previous period of the same length: an arrow up or down,
// the change (in percent, or percentage points for rates) and the earlier value; green
// when it moved the good way, red when the bad way (fewer minutes waited is good).
import { changeBetween } from '../insights-format.ts';

export type Better = 'up' | 'down' | null;

interface DeltaProps {
  current: number | null;
  previous: number | null;
  kind: 'amount' | 'rate';
  /** Which way is good; null: neither (e.g. mention volume). */
  better: Better;
  /** The previous value in words, e.g. "12 min". */
  previousText: string;
}

const arrows = { up: '▲', down: '▼', same: '＝' } as const;

export function Delta({ current, previous, kind, better, previousText }: DeltaProps) {
  if (current === null || previous === null) {
    return <span className="delta muted">{previous === null ? 'none before' : `${previousText} before`}</span>;
  }
  const change = changeBetween(current, previous, kind);
  const tone = change.direction === 'same' || better === null ? 'neutral' : change.direction === better ? 'good' : 'bad';
  return (
    <span className="delta" data-direction={change.direction} data-tone={tone} data-testid="delta">
      <span className="delta__arrow" aria-hidden="true">{arrows[change.direction]}</span>{' '}
      <span className="delta__change">{change.text}</span> <span className="muted">vs {previousText} before</span>
    </span>
  );
}
