// The summary of a range as cards: shares, clicks, unique clicks, reach and earned
// media value, each with how it moved since the period before of the same length;
// the value with its worked sum and the formula and rates right beside it, so nobody
// reads the number without knowing what it stands on.
import type { MeasuredNumbers, MeasurementSummary } from '../types.ts';
import { changeOf, count, money } from './impact-numbers.ts';

interface Card {
  key: string;
  label: string;
  value: (numbers: MeasuredNumbers) => number;
  shown: (numbers: MeasuredNumbers) => string;
  hint?: string;
}

const cards: Card[] = [
  { key: 'shares', label: 'Shares', value: (n) => n.shares, shown: (n) => count(n.shares) },
  { key: 'clicks', label: 'Clicks', value: (n) => n.clicks, shown: (n) => count(n.clicks) },
  { key: 'unique-clicks', label: 'Unique clicks', value: (n) => n.uniqueClicks, shown: (n) => count(n.uniqueClicks), hint: 'Different visitors each day, added up.' },
  { key: 'reach', label: 'Potential reach', value: (n) => n.reach, shown: (n) => count(n.reach), hint: 'Followers of the accounts shared to, when shared.' },
];

function Compared({ current, previous, previousText }: { current: number; previous: number | undefined; previousText: string }) {
  if (previous === undefined) return <p className="impact-card__change muted">Comparing with the period before…</p>;
  const change = changeOf(current, previous);
  return (
    <p className="impact-card__change" data-direction={change.direction}>
      <span className="impact-card__change-value">{change.text}</span> <span className="muted">vs {previousText} the period before</span>
    </p>
  );
}

interface ImpactSummaryProps {
  summary: MeasurementSummary;
  /** To compare with: the period before, of the same length (undefined while it loads). Left out: no comparison. */
  compare?: { previous: MeasurementSummary | undefined };
}

export function ImpactSummary({ summary, compare }: ImpactSummaryProps) {
  const { totals, earnedMediaValueFormula: { formula, rates } } = summary;
  const before = compare?.previous?.totals;
  return (
    <dl className="impact-cards">
      {cards.map((card) => (
        <div key={card.key} className="impact-card" data-testid={`impact-${card.key}`}>
          <dt>{card.label}</dt>
          <dd className="impact-card__value">{card.shown(totals)}</dd>
          {card.hint && <dd className="impact-card__hint muted">{card.hint}</dd>}
          {compare && <dd><Compared current={card.value(totals)} previous={before && card.value(before)} previousText={before ? card.shown(before) : ''} /></dd>}
        </div>
      ))}
      <div className="impact-card impact-card--value" data-testid="impact-earned-media-value">
        <dt>Earned media value</dt>
        <dd className="impact-card__value">{money(totals.earnedMediaValue)}</dd>
        <dd className="impact-card__sum" data-testid="impact-emv-expression">{totals.earnedMediaValue.expression}</dd>
        <dd className="impact-card__hint muted" data-testid="impact-emv-formula">
          {formula}, at {money({ value: rates.costPerClick, currency: rates.currency }, true)} a click
          and {money({ value: rates.costPerThousandImpressions, currency: rates.currency }, true)} a thousand impressions.
        </dd>
        {compare && <dd><Compared current={totals.earnedMediaValue.value} previous={before?.earnedMediaValue.value} previousText={before ? money(before.earnedMediaValue) : ''} /></dd>}
      </div>
    </dl>
  );
}
