// How long the reply is as the network counts it, against the network's limit (red
// when over), with its links and mentions, as of the last check.
import type { Judgement } from '../types.ts';
import { networkName } from '../types.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function MeasureLine({ measure, checking }: { measure: Judgement['measure']; checking: boolean }) {
  const over = measure.maxLength !== null && measure.length > measure.maxLength;
  return (
    <p className="measure-line" data-checking={checking || undefined}>
      <span className={over ? 'measure-line__length measure-line__length--over' : 'measure-line__length'} data-testid="reply-length"
        title={measure.maxLength === null ? `${networkName(measure.network)} sets no limit` : `The limit of ${networkName(measure.network)}`}>
        {measure.maxLength === null ? `${measure.length} ${measure.unit}` : `${measure.length} / ${measure.maxLength} ${measure.unit}`}
      </span>
      <span>{plural(measure.links, 'link', 'links')}</span>
      <span>{plural(measure.mentions, 'mention', 'mentions')}</span>
      {over && <span className="measure-line__over">{measure.length - measure.maxLength!} over the limit</span>}
    </p>
  );
}
