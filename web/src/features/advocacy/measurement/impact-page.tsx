// Impact: what employees' shares achieved in a range of days (the last 30 unless
// chosen), for the hub (hub admins, PR leads, analysts) or a spoke lead's spokes:
// summary cards compared with the period before, the numbers day by day, and tables
// per story, person, spoke and share, each downloadable as CSV. Earned media value is
// always shown with the sum and the formula behind it.
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useMeasurementSummary } from '../api/get-measurement-summary.ts';
import { useStory } from '../api/get-story.ts';
import { useSpokeChoices } from '../api/list-spokes.ts';
import type { MeasurementQuery } from '../types.ts';
import { useAdvocacyAccess } from '../use-advocacy-access.ts';
import { ImpactChart } from './impact-chart.tsx';
import { daysIn, previousRange, rangeWords } from './impact-range.ts';
import { useImpactSearch, type ImpactParam } from './impact-search.ts';
import { ImpactSummary } from './impact-summary.tsx';
import { ImpactTables } from './impact-tables.tsx';
import './measurement.css';

/** The spokes one may pick: every spoke for the hub; a spoke lead only theirs. */
function SpokePicker({ value, onChange }: { value: string; onChange: (spokeId: string) => void }) {
  const access = useAdvocacyAccess();
  const spokes = useSpokeChoices();
  const mine = (spokes.data ?? []).filter((spoke) => access.measures || access.ledSpokeIds.includes(spoke.id));
  // A lead of one spoke has nothing to choose.
  if (!access.measures && access.ledSpokeIds.length <= 1) return null;
  const all = access.measures ? 'Everyone' : 'All my spokes';
  return (
    <SelectField label="Spoke" value={value} onChange={(event) => onChange(event.target.value)}
      options={[{ value: '', label: all }, ...mine.map((spoke) => ({ value: spoke.id, label: spoke.name }))]} />
  );
}

function StoryFilter({ storyId, onClear }: { storyId: string; onClear: () => void }) {
  const story = useStory(storyId);
  return (
    <p className="impact-tables__filter" data-testid="impact-story-filter">
      Only the story {story.data ? <strong>“{story.data.title}”</strong> : 'you chose'}.{' '}
      <button type="button" className="link-button" onClick={onClear}>Show every story</button>
    </p>
  );
}

export function ImpactPage() {
  const [view, change] = useImpactSearch();
  const scope = { ...(view.spokeId && { spokeId: view.spokeId }), ...(view.storyId && { storyId: view.storyId }) };
  const query: MeasurementQuery = { ...view.range, ...scope };
  const before = previousRange(view.range);
  const summary = useMeasurementSummary(query);
  const previous = useMeasurementSummary({ ...before, ...scope });
  const days = daysIn(view.range);
  const setDay = (param: ImpactParam, value: string) => change({ [param]: value });

  return (
    <>
      <PageHeader title="Impact"
        description="What colleagues’ shares reached and earned: shares, clicks on their short links, potential reach and earned media value." />
      <div className="filters impact-filters">
        <TextField label="From" type="date" value={view.range.from} max={view.range.to} required onChange={(event) => setDay('from', event.target.value)} />
        <TextField label="To" type="date" value={view.range.to} min={view.range.from} required onChange={(event) => setDay('to', event.target.value)} />
        <SpokePicker value={view.spokeId} onChange={(spokeId) => change({ spoke: spokeId })} />
      </div>
      <p className="muted impact-range">
        {rangeWords(view.range)} ({days} {days === 1 ? 'day' : 'days'}, UTC), compared with {rangeWords(before)}.
      </p>
      {view.storyId && <StoryFilter storyId={view.storyId} onClear={() => change({ story: '' })} />}
      {summary.isPending ? <Loading label="Loading the numbers…" />
        : !summary.data ? <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        : (
          <div className="impact" aria-busy={summary.isFetching || undefined}>
            {summary.isError && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
            <ImpactSummary summary={summary.data} compare={{ previous: previous.isPlaceholderData ? undefined : previous.data }} />
            {summary.data.totals.shares === 0 ? (
              <EmptyState title="No shares in this period.">
                Numbers appear once colleagues share stories: each share counts on the day it went out, with the clicks its short link earns.
              </EmptyState>
            ) : (
              <>
                <section className="impact-section" aria-labelledby="impact-days">
                  <h2 id="impact-days">Day by day</h2>
                  <ImpactChart days={summary.data.days} />
                </section>
                <ImpactTables view={view} change={change} />
              </>
            )}
          </div>
        )}
    </>
  );
}
