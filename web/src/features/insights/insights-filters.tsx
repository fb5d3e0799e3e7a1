// What every dashboard covers: the period (the last 7, 30 or 90 days, or chosen days),
// the spoke (the hub picks any or the whole organization; a spoke lead one of theirs or
// all of them), and whether the previous period of the same length is compared.
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { useSpokeChoices } from './api/list-spokes.ts';
import { periodWords } from './insights-format.ts';
import { daysIn, presetDays, useInsightsView, type DayRange } from './insights-view.ts';
import { useInsightsAccess } from './use-insights-access.ts';

/** The server answers ranges of up to 366 days. */
const LONGEST_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;
const dayBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

function SpokePicker({ value, onChange }: { value: string; onChange: (spokeId: string) => void }) {
  const access = useInsightsAccess();
  const spokes = useSpokeChoices();
  const mine = (spokes.data ?? []).filter((spoke) => access.wholeOrganization || access.ledSpokeIds.includes(spoke.id));
  // A lead of one spoke has nothing to choose: say whose numbers these are.
  if (!access.wholeOrganization && access.ledSpokeIds.length === 1) {
    return <p className="insights-filters__spoke">Spoke: <strong>{mine[0]?.name ?? '…'}</strong></p>;
  }
  return (
    <SelectField label="Spoke" value={value} onChange={(event) => onChange(event.target.value)}
      options={[{ value: '', label: access.wholeOrganization ? 'Whole organization' : 'All my spokes' }, ...mine.map((spoke) => ({ value: spoke.id, label: spoke.name }))]} />
  );
}

function periodSentence(range: DayRange, compare: boolean): string {
  const days = daysIn(range);
  const counted = `${periodWords(range)} (${days} ${days === 1 ? 'day' : 'days'}, UTC)`;
  return compare ? `${counted}, compared with the ${days === 1 ? 'day' : `${days} days`} before.` : `${counted}.`;
}

export function InsightsFilters() {
  const [view, change] = useInsightsView();
  const { range } = view;
  const setDay = (param: 'from' | 'to', value: string) => value && change({ ...range, [param]: value, days: '' });
  return (
    <div className="insights-filters">
      <div className="filters">
        <div className="insights-filters__period" role="group" aria-label="Period">
          {presetDays.map((days) => (
            <Button key={days} variant={view.period === days ? 'primary' : 'secondary'} aria-pressed={view.period === days}
              onClick={() => change({ days: days === '30' ? '' : days, from: '', to: '' })}>
              {`Last ${days} days`}
            </Button>
          ))}
        </div>
        <TextField label="From" type="date" value={range.from} min={dayBefore(range.to, LONGEST_RANGE_DAYS - 1)} max={range.to} required onChange={(event) => setDay('from', event.target.value)} />
        <TextField label="To" type="date" value={range.to} min={range.from} required onChange={(event) => setDay('to', event.target.value)} />
        <SpokePicker value={view.spokeId} onChange={(spokeId) => change({ spokeId })} />
        <label className="insights-filters__compare">
          <input type="checkbox" className="checkbox" checked={view.compare} onChange={(event) => change({ compare: event.target.checked ? '' : 'off' })} />
          Compare with the previous period
        </label>
      </div>
      <p className="muted insights-filters__range" data-testid="insights-range">{periodSentence(range, view.compare)}</p>
    </div>
  );
}
